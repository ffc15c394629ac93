import type { FaceKitMessages } from "../FaceKitMessages.ts";

const retry = "Inténtalo de nuevo.";
const tryAgain = "Volver a intentarlo";
const failed = `Se ha producido un error. ${retry}`;

// Words for Didit's warning codes; an unknown code keeps Didit's own description.
const warnings: Record<string, string> = {
  LOW_FACE_MATCH_SIMILARITY: "Los rostros no se parecen lo suficiente.",
  NO_REFERENCE_IMAGE: "No se ha encontrado ningún rostro que comparar.",
};

/**
 * The Spanish catalogue: every word of the three components, and `locale: "es"` for the vendors'
 * pages (Verisoul's `lng`, FaceSign's language) when your server allows it.
 * @example
 * import { es } from "@facekit/react/locales/es";
 * <FaceKitProvider endpoint="/api/facekit" messages={es}>{children}</FaceKitProvider>
 */
export const es: FaceKitMessages = {
  locale: "es",
  faceMatch: {
    idle: "Verificar con el rostro",
    preparing: "Preparando…",
    open: "Esperando la verificación…",
    verifying: "Verificando…",
    completed: "Comprobación facial terminada",
    cancelled: tryAgain,
    failed: `La verificación ha fallado. ${tryAgain}`,
  },
  faceSign: {
    title: "Verificación de FaceSign",
    loading: "Cargando la verificación…",
    tryAgain,
    leaveQuestion: "¿Salir de la verificación?",
    keepGoing: "Continuar",
    leave: "Salir",
    error: failed,
  },
  selfieCompare: {
    selfie: "Tu selfie",
    reference: "Foto de referencia",
    choose: "Elegir una foto",
    drop: "o arrástrala aquí",
    useCamera: "Usar la cámara",
    cameraPreview: "Vista previa de la cámara",
    cameraReady: "Cámara activada. Pulsa Capturar cuando quieras.",
    capture: "Capturar",
    cancelCamera: "Cancelar",
    retake: "Repetir",
    remove: "Quitar",
    preparing: "Preparando la foto…",
    compare: "Comparar",
    ready: "Todo listo para comparar.",
    uploading: "Subiendo",
    cancelUpload: "Cancelar la subida",
    comparing: "Comparando las fotos…",
    cancelled: "Subida cancelada.",
    tryAgain,
    approved: "Aprobado: los rostros coinciden.",
    declined: "Rechazado: los rostros no coinciden.",
    review: "Las fotos necesitan una revisión manual.",
    score: (score) => `Similitud: ${score.toLocaleString("es")} de 100`,
    warning: (warning) => warnings[warning.code] ?? warning.message,
    otherError: failed,
    errors: {
      camera_denied:
        "El acceso a la cámara está bloqueado. Permítelo en el navegador o elige una foto.",
      camera_unavailable: "Aquí no se puede usar ninguna cámara. Elige una foto.",
      invalid_image: "Este archivo no es una foto legible. Elige una imagen JPEG, PNG o WebP.",
      image_too_large: "Esta foto es demasiado grande. Elige una más pequeña.",
      account_not_found: "Tu cuenta aún no tiene ninguna foto de referencia.",
      unauthorized: "Inicia sesión primero.",
      network: `Ha fallado la conexión. ${retry}`,
      rate_limited: `Demasiados intentos. Espera un momento. ${retry}`,
      session_expired: `La subida ha tardado demasiado. ${retry}`,
      session_invalid: `No se ha podido aceptar la subida. ${retry}`,
      vendor_unavailable: `El servicio de comparación no está disponible. ${retry}`,
      no_credits:
        "La comprobación de fotos no está disponible en este momento. Inténtalo más tarde.",
      vendor_misconfigured:
        "La comprobación de fotos no está bien configurada aquí. Ponte en contacto con el soporte técnico.",
    },
  },
};
