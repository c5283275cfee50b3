// A residual block at the nn level, after fusion: a conv + bias + relu kernel
// and a conv + residual-add + relu kernel. Run it with scripts/example.sh.
func.func @main(%x: tensor<1x16x14x14xf32>, %w1: tensor<16x16x3x3xf32>,
                %b1: tensor<16xf32>, %w2: tensor<16x16x3x3xf32>,
                %b2: tensor<16xf32>) -> tensor<1x16x14x14xf32> {
  %y = nn.kernel "conv1_relu" ins(%x, %w1, %b1 : tensor<1x16x14x14xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x14x14xf32> {
  ^bb0(%in: tensor<1x16x14x14xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>):
    %c = nn.conv %in, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, group = 1 : i64}
        : (tensor<1x16x14x14xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x14x14xf32>
    %r = nn.relu %c : tensor<1x16x14x14xf32>
    nn.yield %r : tensor<1x16x14x14xf32>
  }
  %z = nn.kernel "conv2_add_relu" ins(%y, %w2, %b2, %x : tensor<1x16x14x14xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>, tensor<1x16x14x14xf32>) -> tensor<1x16x14x14xf32> {
  ^bb0(%in: tensor<1x16x14x14xf32>, %w: tensor<16x16x3x3xf32>, %b: tensor<16xf32>, %skip: tensor<1x16x14x14xf32>):
    %c = nn.conv %in, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>,
                              dilations = array<i64: 1, 1>, group = 1 : i64}
        : (tensor<1x16x14x14xf32>, tensor<16x16x3x3xf32>, tensor<16xf32>) -> tensor<1x16x14x14xf32>
    %s = nn.add %c, %skip : tensor<1x16x14x14xf32>, tensor<1x16x14x14xf32> -> tensor<1x16x14x14xf32>
    %r = nn.relu %s : tensor<1x16x14x14xf32>
    nn.yield %r : tensor<1x16x14x14xf32>
  }
  return %z : tensor<1x16x14x14xf32>
}
