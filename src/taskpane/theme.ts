import { webLightTheme, type Theme } from '@fluentui/react-components';

/** Fluent's light theme with Japanese UI fonts ahead of the generic fallbacks. */
export const paneTheme: Theme = {
  ...webLightTheme,
  fontFamilyBase:
    "'Segoe UI', 'Yu Gothic UI', 'Meiryo UI', Meiryo, 'Hiragino Sans', 'Noto Sans CJK JP', 'Noto Sans JP', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif",
};
