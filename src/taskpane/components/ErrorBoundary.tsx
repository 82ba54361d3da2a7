import { Component, type ReactNode } from 'react';
import { ErrorBar } from './ErrorBar';
import { withTranslation, type WithTranslation } from 'react-i18next';

interface State {
  error?: Error;
}

/** Whatever goes wrong while drawing, the pane shows a message instead of going blank. */
class Boundary extends Component<WithTranslation & { children: ReactNode }, State> {
  override state: State = {};

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { t } = this.props;
    return <ErrorBar message={`${t('app.crashed')} ${t('app.crashedDetail', { detail: error.message })}`} />;
  }
}

export const ErrorBoundary = withTranslation()(Boundary);
