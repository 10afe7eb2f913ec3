import { useState } from 'react';
import { useWorkspace } from '../../store/useWorkspace';

/** The lesson of the example the open document came from. */
export function LessonBanner() {
  const lesson = useWorkspace((w) => w.lesson);
  const currentId = useWorkspace((w) => w.currentId);
  const [hiddenFor, setHiddenFor] = useState<string | null>(null);
  if (!lesson || hiddenFor === currentId) return null;
  return (
    <div className="lesson" role="note" aria-label="Lesson">
      <strong>Lesson:</strong> {lesson}
      <button type="button" aria-label="Hide lesson" onClick={() => setHiddenFor(currentId)}>
        ✕
      </button>
    </div>
  );
}
