/** The files and the comment of `plan-product`. */
export { renderMission } from './render-mission.js';
export { renderRoadmap, renderRoadmapLine } from './render-roadmap.js';
export { renderTechStack } from './render-tech-stack.js';
export { renderProductQuestions } from './render-product-questions.js';
