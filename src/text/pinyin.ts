/**
 * Pinyin that the scraped site put after characters: 學(xué)習(xí), 楊光(guāng)明(míng). It follows a Han
 * character, or a '?' left by mojibake, and holds only lower-case Latin letters with tone marks, so real
 * parentheses such as (擴大) and the byline (胡藍月) stay. Some pages double the annotation or pad it
 * with a space (精(jing)(jing), 會(huì )): the whole run goes.
 */
const PINYIN_ANNOTATION = /(?<=[\p{Script=Han}?])(?:\( ?[a-zàáâãāǎèéêēěìíîīǐòóôõōǒùúûūǔüǖǘǚǜńňḿ]{1,8} ?\))+/gu;

/** Text without the scraper's pinyin annotations: articles are cleaned of them, and so are phrases pasted from the source. */
export function removePinyinAnnotations(text: string): string {
  return text.replace(PINYIN_ANNOTATION, '');
}
