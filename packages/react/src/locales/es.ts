import type { FaceKitMessages } from "../FaceKitMessages.ts";
import type { ErrorWords } from "../internal/errorWords.ts";

const retry = "Inténtalo de nuevo.";
const tryAgain = "Volver a intentarlo";
const later = "Inténtalo más tarde.";

// Words per error code, shared by the three components.
const errorWords: ErrorWords = {
  otherError: `Se ha producido un error. ${retry}`,
  errors: {
    popup_blocked:
      "El navegador ha bloqueado la ventana de verificación. Permite las ventanas emergentes para este sitio e inténtalo de nuevo.",
    session_expired: "Esta comprobación ha caducado antes de terminar. Vuelve a empezar.",
    session_invalid: "Esta comprobación ya no se puede usar. Vuelve a empezar.",
    camera_denied:
      "El acceso a la cámara está bloqueado. Permítelo en el navegador e inténtalo de nuevo.",
    camera_unavailable: "Aquí no se puede usar ninguna cámara. Elige una foto.",
    invalid_image: "Este archivo no es una foto legible. Elige una imagen JPEG, PNG o WebP.",
    image_too_large: "Esta foto es demasiado grande. Elige una más pequeña.",
    no_credits: `La comprobación facial no está disponible en este momento. ${later}`,
    liveness_failed:
      "No hemos podido confirmar que eres una persona real. Mira a la cámara con buena luz e inténtalo de nuevo.",
    account_not_found: "Tu cuenta aún no tiene ningún rostro con el que comparar.",
    unauthorized: "Has cerrado la sesión. Inicia sesión primero.",
    rate_limited: "Demasiados intentos. Espera un minuto e inténtalo de nuevo.",
    vendor_unavailable: `El servicio de verificación no responde. ${later}`,
    vendor_misconfigured:
      "La comprobación facial no está bien configurada aquí. Ponte en contacto con el soporte técnico.",
    store_unavailable:
      "La verificación no está disponible por un momento. Inténtalo de nuevo enseguida.",
    network: "Ha fallado la conexión. Comprueba que tienes internet e inténtalo de nuevo.",
  },
};

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
    detached: "¿Has cerrado la ventana? Vuelve a empezar",
    verifying: "Verificando…",
    completed: "Comprobación facial terminada",
    checkAgain: "Comprobación facial terminada. Comprobar de nuevo",
    cancelled: `Sin terminar. ${tryAgain}`,
    ...errorWords,
  },
  faceSign: {
    title: "Verificación de FaceSign",
    loading: "Cargando la verificación…",
    tryAgain,
    completed: "Verificación completada. Gracias.",
    cancelled: "La verificación no se ha terminado.",
    startAgain: "Volver a empezar",
    close: "Cerrar",
    leaveQuestion: "¿Salir de la verificación?",
    keepGoing: "Continuar",
    leave: "Salir",
    ...errorWords,
  },
  selfieCompare: {
    intro:
      "Comparamos tu selfie con una foto de referencia para comprobar que muestran a la misma persona.",
    tips: ["Busca buena luz", "Toda la cara en el encuadre", "Sin gafas"],
    privacy: "Tus fotos pasan por nuestro servidor hasta Didit, el servicio que las compara.",
    newPhotos: "Para volver a comparar, cambia una foto.",
    selfie: "Tu selfie",
    reference: "Foto de referencia",
    choose: "Elegir una foto",
    drop: "Arrastra una foto aquí",
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
    ...errorWords,
  },
};
