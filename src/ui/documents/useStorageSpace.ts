import { useEffect, useState } from 'react';

/** Below this much free space for the site, the user is told how much is left. */
const LOW_BYTES = 20 * 1024 * 1024;

/**
 * A sentence about the site's remaining storage when it is low (or when `recheck` turns true, as
 * after a failed save), else null. Asks once for persistent storage, so the browser does not
 * evict the documents under pressure.
 */
export function useStorageSpace(recheck: boolean): string | null {
  const [text, setText] = useState<string | null>(null);
  useEffect(() => {
    const storage = typeof navigator === 'undefined' ? undefined : navigator.storage;
    if (!storage?.estimate) return;
    let live = true;
    void storage.persist?.().catch(() => false);
    void storage
      .estimate()
      .then(({ usage = 0, quota = 0 }) => {
        const free = quota - usage;
        if (live && quota > 0 && free < Math.max(LOW_BYTES, quota * 0.05)) {
          setText(`Storage for this site is low: ${(free / 1024 / 1024).toFixed(1)} MB left of ${(quota / 1024 / 1024).toFixed(0)} MB. Delete documents you no longer need, or download them.`);
        } else if (live) setText(null);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [recheck]);
  return text;
}
