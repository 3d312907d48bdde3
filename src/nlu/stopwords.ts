/**
 * Function words: they carry no topic. Smaller than wink-nlp's list on purpose: words such as
 * "down", "back", "where", "not" and "every" matter in questions like "is twilio down".
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if so as of at by for from in into on onto to with without about over under
  i me my mine we us our ours you your yours he him his she her it its they them their theirs
  this that these those there here what which who whom whose how when why is am are was were be
  been being do does did doing done have has had having can could will would shall should may
  might must just also too very really actually basically like please hey hi hello ok okay um uh
  so well yeah yes oh guys guy any some all s t d ll re ve m o
  tell know let give get got say said want wanted need needed wondering wonder question`
    .split(/\s+/)
    .filter(Boolean),
);
