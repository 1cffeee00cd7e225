/** Runs validation in the Web Worker, one request at a time, with progress callbacks. */
import type { Lang } from '../../shared/contract/codes.js';
import type { WorkbookGrid } from '../../shared/grid.js';
import type { ValidationOutcome, ValidationRequest, ValidationResponse } from './validation-protocol.js';

export class ValidationClient {
  private worker: Worker | null = null;
  private seq = 0;

  constructor(private readonly url = 'validation-worker.js') {}

  run(grid: WorkbookGrid, year: number, lang: Lang, onProgress?: (done: number, total: number) => void): Promise<ValidationOutcome> {
    this.worker ??= new Worker(this.url);
    const worker = this.worker;
    const id = ++this.seq;
    return new Promise((resolve, reject) => {
      const onMessage = (event: MessageEvent<ValidationResponse>) => {
        const msg = event.data;
        if (msg.id !== id) return;
        if (msg.type === 'progress') {
          onProgress?.(msg.done, msg.total);
          return;
        }
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        if (msg.type === 'result') resolve(msg);
        else reject(new Error(msg.message));
      };
      const onError = (event: ErrorEvent) => {
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        this.worker = null;
        reject(new Error(event.message || 'validation worker failed'));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError);
      const request: ValidationRequest = { id, grid, year, lang };
      worker.postMessage(request);
    });
  }
}
