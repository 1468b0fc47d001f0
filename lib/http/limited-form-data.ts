/** The request body is larger than the endpoint accepts. */
export class BodyTooLargeError extends Error {
  constructor() {
    super("Request body too large");
    this.name = "BodyTooLargeError";
  }
}

/**
 * The multipart/form-data (or urlencoded) body of `request`, reading at most `maxBytes` of it: a
 * Content-Length above that is refused before anything is read, and a body that runs past it
 * (chunked, or longer than it said) is cut off there. Throws BodyTooLargeError for both, and
 * TypeError for a body that is not form data.
 */
export async function readFormData(request: Request, maxBytes: number): Promise<FormData> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new BodyTooLargeError();
  if (!request.body) throw new TypeError("The request has no body.");
  let seen = 0;
  let tooLarge = false;
  const limited = request.body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          tooLarge = true;
          controller.error(new BodyTooLargeError());
          return;
        }
        controller.enqueue(chunk);
      },
    }),
  );
  try {
    return await new Response(limited, { headers: { "content-type": request.headers.get("content-type") ?? "" } }).formData();
  } catch (error) {
    if (tooLarge) throw new BodyTooLargeError();
    throw error;
  }
}
