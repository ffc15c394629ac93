/**
 * Copies the root LICENSE into the package folder it runs in (`build` and `prepack` of every
 * published package), so it ships in the tarball: npm only packs a LICENSE from the package's own
 * folder. The copies are build output (ignored by git); the root file is the one to edit.
 */
import { copyFileSync } from "node:fs";

copyFileSync(new URL("../LICENSE", import.meta.url), "LICENSE");
