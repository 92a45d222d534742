// Mirror every image of a batch left to right. The batch's axes: [image, row, column, channel].
function flipLeftRight(images: tf.Tensor4D): tf.Tensor4D {
  return tf.reverse(images, ____);
}
