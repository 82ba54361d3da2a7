/** Types for scripts/xml-lite.js. */
export interface XmlAttribute {
  name: string;
  local: string;
  ns: string;
  value: string;
}
export interface XmlElement {
  name: string;
  prefix: string;
  local: string;
  ns: string;
  attributes: XmlAttribute[];
  children: XmlElement[];
  text: string;
  line: number;
}
export declare class XmlSyntaxError extends Error {
  readonly line: number;
}
export declare function parseXml(text: string): { root: XmlElement };
