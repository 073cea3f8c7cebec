/** A key feature of the product: a short title, and what it lets users do (markdown as written, on one line). */
export interface ProductFeature {
  title: string;
  description: string;
}

/** What `plan-product` knows about the product: the content of mission.md and roadmap.md. */
export interface ProductBrief {
  name: string;
  /** Markdown as written; empty when the description does not say. */
  pitch: string;
  /** User segments, each on one line (markdown as written). */
  users: string[];
  /** Markdown as written; empty when the description does not say. */
  problem: string;
  differentiators: string[];
  features: ProductFeature[];
}

/** What a question about the product asks for. */
export type ProductTopic = 'pitch' | 'features' | 'users' | 'problem';

/** A question asked because the description lacks what Agent OS needs to plan the product. */
export interface ProductQuestion {
  /** The number people answer by (`1.`, `Q1:`), from 1. */
  number: number;
  topic: ProductTopic;
  text: string;
}

/** Agent OS plans a product from at least this many key features… */
export const MIN_FEATURES = 3;
/** …and at least this many user segments. */
export const MIN_USERS = 1;
