import { z } from "zod";
import { JOBS } from "./registry";

/** 立即运行: the name of a registered job. */
export const runJobNowSchema = z.object({ name: z.enum(JOBS.map((job) => job.name) as [string, ...string[]]) });
