/**
 * Standalone: choose or drop the ledger file. It is read on this computer only; a file that does
 * not open closes the one before it (the pane then shows no findings, fixes or preview of it).
 */
import { useEffect, useState } from 'preact/hooks';
import { usePane } from './context.js';
import { Status } from './Status.js';

async function openFirst(
  files: FileList | null | undefined,
  open: (name: string, data: Blob) => Promise<void>,
): Promise<void> {
  const f = files?.[0];
  // The file goes to the worker as it is: its bytes are read there, not on the page's thread.
  if (f) await open(f.name, f);
}

export function OpenSection() {
  const pane = usePane();
  const m = pane.t.value;
  const [over, setOver] = useState(false);
  // The whole page takes a dropped file, not only the box: a task pane is small to aim at.
  useEffect(() => {
    const onOver = (e: DragEvent) => {
      e.preventDefault();
      setOver(true);
    };
    const onLeave = () => setOver(false);
    const onDrop = (e: DragEvent) => {
      e.preventDefault();
      setOver(false);
      void openFirst(e.dataTransfer?.files, pane.openFile);
    };
    document.addEventListener('dragover', onOver);
    document.addEventListener('dragleave', onLeave);
    document.addEventListener('drop', onDrop);
    return () => {
      document.removeEventListener('dragover', onOver);
      document.removeEventListener('dragleave', onLeave);
      document.removeEventListener('drop', onDrop);
    };
  }, []);
  return (
    <section id="open">
      <h2>{m.openTitle}</h2>
      <div id="drop-zone" class={over ? 'drop over' : 'drop'}>
        <span>{m.openHint}</span>{' '}
        <label class="button" for="file-input">
          {m.openButton}
        </label>
        <input
          id="file-input"
          type="file"
          accept=".xlsx,.xlsm,.xls,.et,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            const input = e.currentTarget;
            void openFirst(input.files, pane.openFile).finally(() => {
              // The same file chosen again (after fixing it elsewhere) must fire change again.
              input.value = '';
            });
          }}
        />
      </div>
      {pane.opening.value ? <progress id="open-progress" /> : null}
      <Status id="open-status" say={pane.openStatus.value} />
    </section>
  );
}
