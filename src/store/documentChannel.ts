/**
 * Tells the other tabs of this browser that a document was written, so they follow it at once
 * (or learn that their unsaved edits now conflict). BroadcastChannel reaches every tab of the
 * origin; the tab that posts does not receive its own message.
 */
export interface DocumentChange {
  readonly id: string;
  /** The revision now stored; 0 with `removed`. */
  readonly revision: number;
  readonly removed?: boolean;
}

export interface DocumentChannel {
  readonly post: (change: DocumentChange) => void;
  readonly listen: (onChange: (change: DocumentChange) => void) => () => void;
  readonly close: () => void;
}

/** The channel between tabs, or a silent one where BroadcastChannel does not exist. */
export function createDocumentChannel(name = 'protocol-studio:documents'): DocumentChannel {
  if (typeof BroadcastChannel === 'undefined') return { post: () => {}, listen: () => () => {}, close: () => {} };
  const channel = new BroadcastChannel(name);
  return {
    post: (change) => channel.postMessage(change),
    listen: (onChange) => {
      const handler = (e: MessageEvent) => {
        const c = e.data as Partial<DocumentChange> | null;
        if (c && typeof c.id === 'string' && typeof c.revision === 'number') onChange(c as DocumentChange);
      };
      channel.addEventListener('message', handler);
      return () => channel.removeEventListener('message', handler);
    },
    close: () => channel.close(),
  };
}
