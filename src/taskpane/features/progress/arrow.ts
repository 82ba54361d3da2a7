import type { Arrow } from '../../../plan';

export type ArrowKey = 'up' | 'flat' | 'down' | 'none';

export function arrowKey(arrow: Arrow | undefined): ArrowKey {
  switch (arrow) {
    case '↑':
      return 'up';
    case '→':
      return 'flat';
    case '↓':
      return 'down';
    default:
      return 'none';
  }
}
