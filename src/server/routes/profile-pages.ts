/** Placeholder replaced below. */
import express, { type Router } from 'express';
import type { ServerContext } from '../context.js';

export function profilePagesRouter(_ctx: ServerContext): Router {
  return express.Router();
}
