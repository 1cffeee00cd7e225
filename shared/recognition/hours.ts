/** The hours a record counts with under the policy parameter `recognition` (archive.md §2's table). */
import type { Recognition, RecognitionMode } from './types.js';

/**
 * - `off`, or a record without a status (below 区级, or a year without a catalogue): as recorded;
 * - `recognized`: min(recorded, catalogue) — which is the recorded hours, since more would be
 *   `hours_exceed`; `hours_exceed`: the catalogue's hours (in `flag` and `require` alike: a matched
 *   entry's hours are the organiser's, archive.md §2);
 * - `not_on_list`, `unmatched`: 0 under `require`, as recorded under `flag`.
 */
export function countedHours(
  recorded: number,
  recognition: Recognition | null | undefined,
  mode: RecognitionMode,
): number {
  if (mode === 'off' || !recognition) return recorded;
  switch (recognition.status) {
    case 'recognized':
    case 'hours_exceed':
      return Math.min(recorded, recognition.catalogueHours ?? recorded);
    case 'not_on_list':
    case 'unmatched':
      return mode === 'require' ? 0 : recorded;
  }
}
