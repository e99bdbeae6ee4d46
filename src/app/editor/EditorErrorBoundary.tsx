import { Component, type ReactNode } from 'react';

/**
 * If Monaco fails to load or crashes (a blocked chunk, an old browser), the page keeps
 * working with the plain editor instead of going blank.
 */
export class EditorErrorBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
