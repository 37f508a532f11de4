/** Project-relative locations (the same from src/ under tsx and from dist/ once built). */
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const PROJECT_ROOT = ROOT;
export const PROFILES_DIR = fileURLToPath(new URL('../../profiles/', import.meta.url));
/** Official conformance material beside the checkout (developers and CI only; users import packages). */
export const DEFAULT_SPEC_DIR = fileURLToPath(new URL('../../../shared/spec/', import.meta.url));
