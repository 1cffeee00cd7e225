/** A text in both of the product's languages; every label of the catalogue is one. */
import type { Lang } from '../contract/codes.js';

export type Text = Readonly<Record<Lang, string>>;

/** The label in the requested language. */
export function say(text: Text, lang: Lang): string {
  return text[lang];
}

/** One language's side of a group of labels, e.g. every teacher status in Chinese. */
export function labelsIn<K extends string>(labels: Readonly<Record<K, Text>>, lang: Lang): Record<K, string> {
  return Object.fromEntries(Object.entries<Text>(labels).map(([key, text]) => [key, text[lang]])) as Record<K, string>;
}
