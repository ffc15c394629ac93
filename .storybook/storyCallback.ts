// Callback page of Storybook's live stories: hands the hosted flow's outcome to the story.
import { handleFaceKitCallback } from "@facekit/core";

handleFaceKitCallback();
