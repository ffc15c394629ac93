import type { SelfieCompareSlot, SelfieCompareSlotState } from "@facekit/core";
import { type DragEvent, useRef } from "react";
import type { UseSelfieCompareResult } from "../useSelfieCompare.ts";
import type { SelfieCompareMessages } from "./selfieCompareMessages.ts";
import { errorText } from "./useMessages.ts";
import { useRefocus } from "./useRefocus.ts";

/**
 * Props of {@link UploaderSlot}.
 * @example
 * const props: UploaderSlotProps = { slot: "selfie", state, face, t: selfieCompareMessages };
 */
export interface UploaderSlotProps {
  slot: SelfieCompareSlot;
  state: SelfieCompareSlotState;
  face: UseSelfieCompareResult;
  t: SelfieCompareMessages;
}

// No inline styles (strict CSP): the `width` attribute keeps previews small without the stylesheet,
// which fits them to the slot and mirrors the selfie camera's preview (the capture is not mirrored).
const previewWidth = 240;

/**
 * One image slot of `<SelfieCompareUploader>`: a named group (`<fieldset>`) with a file button,
 * drag and drop anywhere on it, an inline camera, and the preview with Retake and Remove. Every
 * state has a picture (or a placeholder `<p>`) and two buttons, so the slot keeps its size. When the
 * button that had focus goes away, focus moves to the slot's next main button.
 * @example
 * <UploaderSlot slot="selfie" state={face.slots.selfie} face={face} t={messages} />
 */
export function UploaderSlot({ slot, state, face, t }: UploaderSlotProps) {
  const input = useRef<HTMLInputElement>(null);
  const video = useRef<HTMLVideoElement>(null);
  // Capture waits for a live picture: focus moves to it then, not while it is still disabled.
  const primary = useRefocus<HTMLButtonElement>(
    state.status === "camera" ? `camera:${state.isLive}` : state.status,
  );
  const name = t[slot];
  const { status } = state;
  const camera = () => video.current && face.openCamera(slot, video.current);
  const pick = (files: FileList | null) => {
    const file = files?.[0];
    if (file) face.setFile(slot, file);
  };
  // A dropped file is picked; `data-over` marks the slot while a file is over it (for styling).
  const drag = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    e.currentTarget.toggleAttribute("data-over", e.type === "dragover");
    if (e.type === "drop") pick(e.dataTransfer.files);
  };
  // Keyed by its words: a button of another state is another button (focus does not carry over).
  const button = (label: string, onClick: () => unknown, main?: boolean, disabled?: boolean) => (
    <button
      key={label}
      type="button"
      ref={main ? primary : undefined}
      onClick={onClick}
      disabled={disabled}
    >
      {label}
    </button>
  );

  return (
    <fieldset
      data-slot={slot}
      data-state={status}
      disabled={face.status === "uploading"}
      onDragOver={drag}
      onDragLeave={drag}
      onDrop={drag}
    >
      <legend>{name}</legend>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        onChange={(e) => {
          pick(e.currentTarget.files);
          e.currentTarget.value = ""; // picking the same file again still counts
        }}
      />
      <video
        ref={video}
        hidden={status !== "camera"}
        muted
        playsInline
        aria-label={t.cameraPreview}
        width={previewWidth}
      />
      {/* The picture, or a placeholder of the same size (no layout shift between states). */}
      {status === "ready" ? (
        <img src={state.previewUrl} alt={name} width={previewWidth} />
      ) : (
        status !== "camera" && <p>{status === "preparing" ? t.preparing : t.drop}</p>
      )}
      {status === "ready" ? (
        <>
          {button(
            t.retake,
            state.source === "camera" ? camera : () => input.current?.click(),
            true,
          )}
          {button(t.remove, () => face.clear(slot))}
        </>
      ) : status === "camera" ? (
        <>
          {/* Nothing to take until the picture is live (the permission prompt may be up). */}
          {button(t.capture, () => face.capture(slot), true, !state.isLive)}
          {button(t.cancelCamera, () => face.clear(slot))}
        </>
      ) : (
        // While a photo is prepared, picking another one replaces it.
        <>
          {button(t.choose, () => input.current?.click(), true)}
          {button(t.useCamera, camera)}
        </>
      )}
      {status === "error" && <p role="alert">{errorText(t, state.error)}</p>}
    </fieldset>
  );
}
