import type { FaceKitMessages } from "../FaceKitMessages.ts";

// French typography: a no-break space before ":" and "?".
const retry = "Veuillez réessayer.";
const tryAgain = "Réessayer";
const failed = `Une erreur s’est produite. ${retry}`;

// Words for Didit's warning codes; an unknown code keeps Didit's own description.
const warnings: Record<string, string> = {
  LOW_FACE_MATCH_SIMILARITY: "Les visages ne se ressemblent pas assez.",
  NO_REFERENCE_IMAGE: "Aucun visage n’a pu être trouvé pour la comparaison.",
};

/**
 * The French catalogue: every word of the three components, and `locale: "fr"` for the vendors'
 * pages (Verisoul's `lng`, FaceSign's language) when your server allows it.
 * @example
 * import { fr } from "@facekit/react/locales/fr";
 * <FaceKitProvider endpoint="/api/facekit" messages={fr}>{children}</FaceKitProvider>
 */
export const fr: FaceKitMessages = {
  locale: "fr",
  faceMatch: {
    idle: "Vérifier avec mon visage",
    preparing: "Préparation…",
    open: "En attente de la vérification…",
    verifying: "Vérification en cours…",
    completed: "Vérification faciale terminée",
    cancelled: tryAgain,
    failed: `La vérification a échoué. ${tryAgain}`,
  },
  faceSign: {
    title: "Vérification FaceSign",
    loading: "Chargement de la vérification…",
    tryAgain,
    leaveQuestion: "Quitter la vérification\u00a0?",
    keepGoing: "Continuer",
    leave: "Quitter",
    error: failed,
  },
  selfieCompare: {
    selfie: "Votre selfie",
    reference: "Photo de référence",
    choose: "Choisir une photo",
    drop: "ou déposez-la ici",
    useCamera: "Utiliser la caméra",
    cameraPreview: "Aperçu de la caméra",
    cameraReady: "Caméra activée. Appuyez sur Capturer dès que vous le souhaitez.",
    capture: "Capturer",
    cancelCamera: "Annuler",
    retake: "Reprendre",
    remove: "Retirer",
    preparing: "Préparation de la photo…",
    compare: "Comparer",
    ready: "Prêt pour la comparaison.",
    uploading: "Envoi en cours",
    cancelUpload: "Annuler l’envoi",
    comparing: "Comparaison des photos…",
    cancelled: "Envoi annulé.",
    tryAgain,
    approved: "Approuvé\u00a0: les visages correspondent.",
    declined: "Refusé\u00a0: les visages ne correspondent pas.",
    review: "Les photos doivent être vérifiées manuellement.",
    score: (score) => `Ressemblance\u00a0: ${score.toLocaleString("fr")} sur 100`,
    warning: (warning) => warnings[warning.code] ?? warning.message,
    otherError: failed,
    errors: {
      camera_denied:
        "L’accès à la caméra est bloqué. Autorisez-le dans votre navigateur ou choisissez une photo.",
      camera_unavailable: "Aucune caméra n’est utilisable ici. Choisissez plutôt une photo.",
      invalid_image:
        "Ce fichier n’est pas une photo lisible. Choisissez une image JPEG, PNG ou WebP.",
      image_too_large: "Cette photo est trop volumineuse. Choisissez-en une plus petite.",
      account_not_found: "Votre compte n’a pas encore de photo de référence.",
      unauthorized: "Veuillez d’abord vous connecter.",
      network: `La connexion a échoué. ${retry}`,
      rate_limited: "Trop de tentatives. Patientez un instant, puis réessayez.",
      session_expired: `L’envoi a pris trop de temps. ${retry}`,
      session_invalid: `L’envoi n’a pas pu être accepté. ${retry}`,
      vendor_unavailable: `Le service de comparaison est indisponible. ${retry}`,
      no_credits:
        "La vérification des photos n’est pas disponible pour le moment. Veuillez réessayer plus tard.",
      vendor_misconfigured:
        "La vérification des photos n’est pas correctement configurée ici. Veuillez contacter l’assistance.",
    },
  },
};
