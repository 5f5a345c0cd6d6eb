export { createHttpApp } from './create-app';
export type { HttpApp, HttpAppOptions } from './create-app';
export { errorHandler, notFound } from './error-handler';
export { listen } from './listen';
export type { Listening } from './listen';
export type { ReadinessChecks } from './readiness';
export { isZodError, validate, validationErrorFrom } from './validate';
export type { Express, NextFunction, Request, RequestHandler, Response, Router } from 'express';
