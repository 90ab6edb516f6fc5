import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the part that failed, given its error. */
  fallback: (error: Error) => ReactNode;
  children: ReactNode;
}

/** Keeps a failure in one part of a page from blanking the whole page; it says what failed instead. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override render() {
    return this.state.error ? this.props.fallback(this.state.error) : this.props.children;
  }
}
