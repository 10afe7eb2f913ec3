import { Component, type ErrorInfo, type ReactNode } from 'react';

/**
 * Keeps the app usable whatever a panel throws: the panel is replaced by the error and a way to
 * try again, the rest of the page keeps working. The document is not held by React (the design
 * store and its autosave live outside), so nothing is lost with the panel.
 */
export class ErrorBoundary extends Component<{ name: string; children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: Error } {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-error" role="alert">
        <p>
          <strong>The {this.props.name} stopped because of an error:</strong> {error.message || error.name}
        </p>
        <p>Your document is kept and saved; other panels still work.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
