/** The search page (its script gets these strings as data: no functions here). */
export const search = {
  title: 'Search',
  heading: 'Search the lessons',
  label: 'Words to find',
  button: 'Search',
  loading: 'Searching…',
  none: 'No lesson mentions',
  /** Before the query, by count (Intl.PluralRules category): "1 lesson mentions", "3 lessons mention". */
  results: { one: 'lesson mentions', other: 'lessons mention' },
  unavailable: 'Search is available on the built site (npm run build builds its index with Pagefind).',
  prompt: 'Type a word or two: dropout, patience, overfitting…',
};
