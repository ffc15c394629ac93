import { facekit } from "@/lib/facekit";

export const POST = facekit;
