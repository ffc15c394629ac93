/** Form bodies that survive jsdom. */

/**
 * jsdom's `FormData` and `File` are not the ones `Request` reads: copies the form into one that
 * is (in a browser, an equal copy). The FaceKit handler builds its vendor forms with the global
 * `FormData` too, so every form through the test backend goes through here.
 * @example
 * const body = init.body instanceof FormData ? await portableForm(init.body) : init.body;
 */
export async function portableForm(form: FormData): Promise<FormData> {
  const copy = await new Response(new URLSearchParams()).formData();
  for (const [name, value] of form) {
    if (typeof value === "string") copy.append(name, value);
    else {
      const bytes = new Response(await value.arrayBuffer(), {
        headers: { "content-type": value.type },
      });
      copy.append(name, await bytes.blob(), value.name);
    }
  }
  return copy;
}
