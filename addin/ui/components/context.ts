/** The pane's state, handed to every component through one context instead of props on each. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Pane } from '../state.js';

export const PaneContext = createContext<Pane | null>(null);

export function usePane(): Pane {
  const pane = useContext(PaneContext);
  if (!pane) throw new Error('usePane outside <App>');
  return pane;
}
