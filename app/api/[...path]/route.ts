import { AuthError } from '@/lib/auth/errors';
import { errorResponse } from '@/lib/http';

// Unknown API paths answer in the API's own JSON error format, not with the HTML 404 page.
function notFound(): Response {
  return errorResponse(new AuthError('NOT_FOUND', { message: 'No such API route.' }));
}

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
