export { assessPhoto, assessPixels } from './assess-photo.js';
export { assessPhotos, toPhotoQuality, type AssessPhotosOptions, type PhotoToAssess } from './assess-photos.js';
export { cropToFace, type CropToFaceOptions, type FaceCrop } from './crop-to-face.js';
export { decodeForDetection, decodePixels, DETECTION_MAX_SIDE, type DetectionInput, type PhotoPixels } from './decode.js';
export { createFaceDetector, type FaceDetector, type FaceDetectorOptions, type RgbImage } from './face-detector.js';
export { measureFace } from './face-region.js';
export { planSourceCrop, type PreparedSizes } from './plan-source-crop.js';
