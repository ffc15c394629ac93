"use client";
import { handleFaceKitCallback } from "@facekit/core";
import { useEffect } from "react";

export default function FaceKitCallback() {
  useEffect(() => void handleFaceKitCallback(), []);
  return <p>Finishing verification…</p>;
}
