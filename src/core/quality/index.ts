export { assessPhoto } from './assess-photo.js';
export { assessPhotos, toPhotoQuality, type AssessPhotosOptions, type PhotoToAssess } from './assess-photos.js';
export { cropToFace, type CropToFaceOptions, type FaceCrop } from './crop-to-face.js';
export { decodeForDetection, DETECTION_MAX_SIDE, type DetectionInput } from './decode.js';
export { createFaceDetector, type FaceDetector, type FaceDetectorOptions, type RgbImage } from './face-detector.js';
export { measureFace } from './face-region.js';
export { planSourceCrop } from './plan-source-crop.js';
