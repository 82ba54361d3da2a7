// The pane stamps its compile the same way: the function lives with the plan.
export { localTimestamp } from '../../plan/timestamp';
