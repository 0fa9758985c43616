/**
 * A function's answers kept for the keys asked again, forgotten all at once when there are `limit` of
 * them: the analysis asks the segmenter about the same short strings over and over, but a long-running
 * process must not keep every string it ever asked about.
 */
export function memoize<T>(compute: (key: string) => T, limit = 100_000): (key: string) => T {
  const answers = new Map<string, T>();
  return key => {
    let answer = answers.get(key);
    if (answer === undefined && !answers.has(key)) {
      if (answers.size >= limit) answers.clear();
      answer = compute(key);
      answers.set(key, answer);
    }
    return answer as T;
  };
}
