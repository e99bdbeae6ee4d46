import { Component, type ReactNode } from 'react';

/**
 * Shows `fallback` instead of its children if they throw while rendering, so one broken
 * part (Monaco failing to load, a rendering bug on odd input) never blanks the whole page.
 * React reports the error to the console, where it belongs.
 */
export class ErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode; resetKey?: unknown }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  /** A new result (resetKey) gets a fresh attempt. */
  override componentDidUpdate(previous: { resetKey?: unknown }): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
