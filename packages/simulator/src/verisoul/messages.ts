/** Texts of the simulated hosted pages, in English, Spanish and French. */
export interface Messages {
  captureHeading: string;
  captureIntro: string;
  camera: string;
  faceLabel: string;
  newFace: string;
  success: string;
  deny: string;
  leave: string;
  failLiveness: string;
  handoffHeading: string;
  handoffIntro: string;
  handoffLinkIntro: string;
  handoffWait: string;
  qrLabel: string;
  simulateHeading: string;
  simulateText: (outcome: string, seconds: number) => string;
  continueNow: string;
  errorHeading: string;
}

/** Brand shown on every page, whatever the language. */
export const badge = "Simulated Verisoul";

const en: Messages = {
  captureHeading: "Verify your face",
  captureIntro:
    "Simulated Verisoul capture. No camera is used: choose who is in front of the camera, then an outcome.",
  camera: "FaceKit simulator · simulated camera, no real camera is used",
  faceLabel: "Face in front of the camera",
  newFace: "A new face (unique to this session)",
  success: "Complete scan (success)",
  deny: "Deny camera",
  leave: "Leave before finishing",
  failLiveness: "Fail liveness",
  handoffHeading: "Continue on your phone",
  handoffIntro: "Scan this QR code with your phone to finish the face scan there.",
  handoffLinkIntro: "Or open this link on your phone:",
  handoffWait:
    "Finish on your phone. This window does not move on by itself; close it when you are done.",
  qrLabel: "QR code of the phone link",
  simulateHeading: "Simulated outcome",
  simulateText: (o, s) => `Simulated outcome: ${o}. Continuing in ${s} s.`,
  continueNow: "Continue now",
  errorHeading: "This link is not valid",
};

const es: Messages = {
  captureHeading: "Verifica tu rostro",
  captureIntro:
    "Captura simulada de Verisoul. No se usa ninguna cámara: elige quién está delante de la cámara y un resultado.",
  camera: "Simulador FaceKit · cámara simulada, no se usa ninguna cámara real",
  faceLabel: "Rostro delante de la cámara",
  newFace: "Un rostro nuevo (único para esta sesión)",
  success: "Completar escaneo (éxito)",
  deny: "Denegar la cámara",
  leave: "Salir antes de terminar",
  failLiveness: "Fallar la prueba de vida",
  handoffHeading: "Continúa en tu teléfono",
  handoffIntro: "Escanea este código QR con tu teléfono para terminar allí el escaneo facial.",
  handoffLinkIntro: "O abre este enlace en tu teléfono:",
  handoffWait:
    "Termina en tu teléfono. Esta ventana no avanza sola; ciérrala cuando hayas terminado.",
  qrLabel: "Código QR del enlace para el teléfono",
  simulateHeading: "Resultado simulado",
  simulateText: (o, s) => `Resultado simulado: ${o}. Continuando en ${s} s.`,
  continueNow: "Continuar ahora",
  errorHeading: "Este enlace no es válido",
};

const fr: Messages = {
  captureHeading: "Vérifiez votre visage",
  captureIntro:
    "Capture Verisoul simulée. Aucune caméra n’est utilisée : choisissez qui est devant la caméra, puis un résultat.",
  camera: "Simulateur FaceKit · caméra simulée, aucune vraie caméra n’est utilisée",
  faceLabel: "Visage devant la caméra",
  newFace: "Un nouveau visage (unique pour cette session)",
  success: "Terminer le scan (succès)",
  deny: "Refuser la caméra",
  leave: "Partir avant la fin",
  failLiveness: "Échouer au test de vivacité",
  handoffHeading: "Continuez sur votre téléphone",
  handoffIntro: "Scannez ce code QR avec votre téléphone pour y terminer le scan du visage.",
  handoffLinkIntro: "Ou ouvrez ce lien sur votre téléphone :",
  handoffWait:
    "Terminez sur votre téléphone. Cette fenêtre ne change pas d’elle-même ; fermez-la ensuite.",
  qrLabel: "Code QR du lien pour le téléphone",
  simulateHeading: "Résultat simulé",
  simulateText: (o, s) => `Résultat simulé : ${o}. Suite dans ${s} s.`,
  continueNow: "Continuer maintenant",
  errorHeading: "Ce lien n’est pas valide",
};

const catalogue: Record<string, Messages> = { en, es, fr };

/**
 * Texts for a `lng` code (`es`, `fr-CA`...); English for anything else.
 * @example
 * messagesFor("fr").success; // "Terminer le scan (succès)"
 */
export function messagesFor(lng: string): Messages {
  return catalogue[lng.slice(0, 2).toLowerCase()] ?? en;
}
