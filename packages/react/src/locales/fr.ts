import type { FaceKitMessages } from "../FaceKitMessages.ts";
import type { ErrorWords } from "../internal/errorWords.ts";

// French typography: a no-break space before ":" and "?".
const retry = "Veuillez réessayer.";
const tryAgain = "Réessayer";
const later = "Veuillez réessayer plus tard.";

// Words per error code, shared by the three components.
const errorWords: ErrorWords = {
  otherError: `Une erreur s’est produite. ${retry}`,
  errors: {
    popup_blocked:
      "Votre navigateur a bloqué la fenêtre de vérification. Autorisez les fenêtres pop-up pour ce site, puis réessayez.",
    session_expired: "Cette vérification a expiré avant la fin. Veuillez recommencer.",
    session_invalid: "Cette vérification ne peut plus être utilisée. Veuillez recommencer.",
    camera_denied:
      "L’accès à la caméra est bloqué. Autorisez-le dans votre navigateur, puis réessayez.",
    camera_unavailable: "Aucune caméra n’est utilisable ici. Choisissez plutôt une photo.",
    invalid_image:
      "Ce fichier n’est pas une photo lisible. Choisissez une image JPEG, PNG ou WebP.",
    image_too_large: "Cette photo est trop volumineuse. Choisissez-en une plus petite.",
    no_credits: `La vérification faciale n’est pas disponible pour le moment. ${later}`,
    liveness_failed:
      "Nous n’avons pas pu confirmer la présence d’une personne réelle. Placez-vous face à la caméra, bien éclairé, puis réessayez.",
    account_not_found: "Votre compte n’a pas encore de visage enregistré à comparer.",
    unauthorized: "Vous êtes déconnecté. Veuillez d’abord vous connecter.",
    rate_limited: "Trop de tentatives. Patientez une minute, puis réessayez.",
    vendor_unavailable: `Le service de vérification ne répond pas. ${later}`,
    vendor_misconfigured:
      "La vérification faciale n’est pas correctement configurée ici. Veuillez contacter l’assistance.",
    store_unavailable: "La vérification est momentanément indisponible. Réessayez dans un instant.",
    network: "La connexion a échoué. Vérifiez que vous êtes en ligne, puis réessayez.",
  },
};

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
    detached: "Fenêtre fermée\u00a0? Recommencer",
    verifying: "Vérification en cours…",
    completed: "Vérification faciale terminée",
    checkAgain: "Vérification faciale terminée. Vérifier à nouveau",
    cancelled: `Non terminée. ${tryAgain}`,
    ...errorWords,
  },
  faceSign: {
    title: "Vérification FaceSign",
    loading: "Chargement de la vérification…",
    tryAgain,
    completed: "Vérification terminée. Merci.",
    cancelled: "La vérification n’a pas été terminée.",
    startAgain: "Recommencer",
    close: "Fermer",
    leaveQuestion: "Quitter la vérification\u00a0?",
    keepGoing: "Continuer",
    leave: "Quitter",
    ...errorWords,
  },
  selfieCompare: {
    intro:
      "Nous comparons votre selfie à une photo de référence pour vérifier qu’il s’agit de la même personne.",
    tips: ["Face à la lumière", "Tout le visage dans le cadre", "Sans lunettes"],
    privacy: "Vos photos passent par notre serveur jusqu’à Didit, le service qui les compare.",
    newPhotos: "Pour comparer à nouveau, changez une photo.",
    selfie: "Votre selfie",
    reference: "Photo de référence",
    choose: "Choisir une photo",
    drop: "Déposez une photo ici",
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
    ...errorWords,
  },
};
