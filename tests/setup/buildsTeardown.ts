/** Jest global teardown of the "build" project: stops a shared build still running and deletes their folder. */
import { stopSharedBuilds } from "../support/build";

export default async function globalTeardown(): Promise<void> {
  await stopSharedBuilds();
}
