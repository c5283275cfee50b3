// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile=mixed-precision=true -split-input-file | FileCheck %s
// RUN: ascend-opt %s --ascend-fuse --ascend-lower-nn-to-tile -split-input-file | FileCheck %s --check-prefix=FP32

// Mixed precision for an f32 conv (24 -> 16 channels, 3x3 pad 1, bias,
// relu): the weights are packed as f16 (C0 = 16: 2 input blocks x 9 taps
// x 1 N fractal x 256 values). The map is small, so the cost model converts
// the f32 nc1hwc0 input (3 blocks of 8 channels) in the kernel rather than
// in a stage kernel: each K step's window goes gm -> ub interleaving pairs
// of f32 blocks into f16 blocks of 16 channels (the odd last block alone,
// the upper half zeroed by a vdup first), vconv narrows it, and ub -> L1
// feeds load3d. mmad runs in f16 with fp32 accumulation; l0c -> ub, the
// epilogue and the result stay f32 (C0 = 8).
// CHECK-LABEL: func.func @main
// CHECK-NOT:   stage_x
// CHECK:       call @conv0_relu(%arg0, %{{.*}}, %{{.*}}, %arg1)
// CHECK-LABEL: func.func private @conv0_relu(%{{.*}}: memref<1x3x8x8x8xf32, #tile.space<gm>>, %{{.*}}: memref<4608xf16, #tile.space<gm>>, %{{.*}}: memref<{{[0-9]+}}xf32, #tile.space<gm>>, %{{.*}}: memref<1x2x8x8x8xf32, #tile.space<gm>>)
// CHECK:       tile.vdup {{.*}} : memref<{{[0-9]+}}xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<1x1x{{[0-9]+}}x8xf32, {{.*}}#tile.space<gm>> to memref<1x1x{{[0-9]+}}x8xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<1x2x{{[0-9]+}}x8xf32, {{.*}}#tile.space<gm>> to memref<1x2x{{[0-9]+}}x8xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.vconv {{.*}} : memref<{{[0-9]+}}xf32, {{.*}}#tile.space<ub>> to memref<{{[0-9]+}}xf16, {{.*}}#tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<2x{{[0-9]+}}x8x16xf16, {{.*}}#tile.space<ub>> to memref<2x{{[0-9]+}}x8x16xf16, {{.*}}#tile.space<l1>>
// CHECK:       tile.img2col {{.*}} : memref<{{[0-9]+}}x{{[0-9]+}}x8x16xf16, {{.*}}#tile.space<l1>> to memref<{{[0-9]+}}x{{[0-9]+}}xf16, {{.*}}#tile.space<l0a>>
// CHECK:       tile.mmad {{.*}} : memref<{{[0-9]+}}x{{[0-9]+}}xf16, {{.*}}#tile.space<l0a>>, memref<{{[0-9]+}}x16xf16, {{.*}}#tile.space<l0b>>, memref<{{[0-9]+}}x16xf32, {{.*}}#tile.space<l0c>>
// CHECK:       tile.copy {{.*}}xf32, {{.*}}#tile.space<l0c>> to memref<{{.*}}xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.vadd {{.*}}xf32
// CHECK:       tile.vrelu {{.*}}xf32
// CHECK:       tile.copy {{.*}}#tile.space<ub>> to memref<1x2x{{[0-9]+}}x8xf32, {{.*}}#tile.space<gm>>

// --precision fp32 keeps today's lowering: f32 cube, no stage kernel.
// FP32-NOT:    stage_x
// FP32:        tile.mmad {{.*}} : memref<{{[0-9]+}}x{{[0-9]+}}xf32, {{.*}}#tile.space<l0a>>, memref<{{[0-9]+}}x16xf32
// FP32-NOT:    stage_x
func.func @main(%x: tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>>) -> tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<0.5> : tensor<16x24x3x3xf32>
  %b = nn.constant dense<0.25> : tensor<16xf32>
  %y = nn.conv %x, %w, %b {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>>, tensor<16x24x3x3xf32>, tensor<16xf32>) -> tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>> loc("conv0")
  %r = nn.relu %y : tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>> loc("relu")
  return %r : tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>
}

// -----

// A larger map (64 channels of 14 x 14 into 512): the cost model prefers
// a stage kernel (ConvInputStage.cpp, 64-pixel chunks interleaving pairs of
// f32 blocks) to re-converting the window for each of the 32 N tiles. Two
// convs reading one tensor (a ResNet block's main path and projection)
// share its f16 copy: one stage kernel, its workspace passed to both.
// CHECK-LABEL: func.func @main
// CHECK:       %[[WS:.*]] = memref.alloc() : memref<12544xf16, #tile.space<gm>>
// CHECK:       call @a_stage_x(%arg0, %[[WS]])
// CHECK-NEXT:  call @a(%[[WS]],
// CHECK-NOT:   stage_x
// CHECK:       call @b(%[[WS]],
// CHECK-NOT:   func.func private @b_stage_x
// CHECK-LABEL: func.func private @a_stage_x(
// CHECK:       tile.copy {{.*}} : memref<2x{{[0-9]+}}x8xf32, {{.*}}#tile.space<gm>> to memref<2x{{[0-9]+}}x8xf32, {{.*}}#tile.space<ub>>
// CHECK:       tile.vconv {{.*}} : memref<{{[0-9]+}}xf32, #tile.space<ub>> to memref<{{[0-9]+}}xf16, #tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<1x{{[0-9]+}}x16xf16, {{.*}}#tile.space<ub>> to memref<1x{{[0-9]+}}x16xf16, {{.*}}#tile.space<gm>>
// CHECK-LABEL: func.func private @a(%{{.*}}: memref<12544xf16, #tile.space<gm>>
// CHECK-NOT:   tile.vconv
// CHECK:       tile.copy {{.*}}#tile.space<gm>> to memref<{{[0-9]+}}x{{[0-9]+}}x14x16xf16, {{.*}}#tile.space<l1>>
func.func @main(%x: tensor<1x64x14x14xf32, #nn.layout<nc1hwc0>>) -> (tensor<1x512x14x14xf32, #nn.layout<nc1hwc0>>, tensor<1x16x14x14xf32, #nn.layout<nc1hwc0>>) {
  %w = nn.constant dense<0.5> : tensor<512x64x3x3xf32>
  %v = nn.constant dense<0.25> : tensor<16x64x1x1xf32>
  %a = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x64x14x14xf32, #nn.layout<nc1hwc0>>, tensor<512x64x3x3xf32>) -> tensor<1x512x14x14xf32, #nn.layout<nc1hwc0>> loc("a")
  %b = nn.conv %x, %v {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x64x14x14xf32, #nn.layout<nc1hwc0>>, tensor<16x64x1x1xf32>) -> tensor<1x16x14x14xf32, #nn.layout<nc1hwc0>> loc("b")
  return %a, %b : tensor<1x512x14x14xf32, #nn.layout<nc1hwc0>>, tensor<1x16x14x14xf32, #nn.layout<nc1hwc0>>
}

// -----

// A conv whose result another mixed-precision conv reads writes that conv's
// f16 input itself: its epilogue converts the f32 tile (vconv) and stores
// the 16-channel columns as f16 nc1hwc0 (24 channels: 2 blocks of 16, the
// upper half of the last one the zero padding channels, kept zero by the
// mask since the epilogue adds a splat), next to the f32 result that the
// residual add of the second conv reads. No stage kernel runs (%a's own
// input is converted in its kernel).
// CHECK-LABEL: func.func @main
// CHECK:       %[[A16:.*]] = memref.alloc() : memref<2048xf16, #tile.space<gm>>
// CHECK-NOT:   stage
// CHECK:       %[[A:.*]] = memref.alloc() : memref<1x3x8x8x8xf32, #tile.space<gm>>
// CHECK-NEXT:  call @a_shift(%arg0, %{{.*}}, %{{.*}}, %[[A]], %[[A16]])
// CHECK-NOT:   stage
// CHECK:       call @b_sum(%[[A16]], %{{.*}}, %[[A]], %arg1)
// CHECK-NOT:   stage_x
// CHECK-LABEL: func.func private @a_shift(
// CHECK-SAME:  %{{.*}}: memref<1x3x8x8x8xf32, #tile.space<gm>>, %{{.*}}: memref<2048xf16, #tile.space<gm>>)
// CHECK:       tile.vmul {{.*}}xf32
// CHECK:       tile.copy {{.*}}#tile.space<ub>> to memref<{{.*}}x8xf32, {{.*}}#tile.space<gm>>
// CHECK:       tile.vconv {{.*}} : memref<{{[0-9]+}}xf32, {{.*}}#tile.space<ub>> to memref<{{[0-9]+}}xf16, {{.*}}#tile.space<ub>>
// CHECK:       tile.copy {{.*}} : memref<2x{{[0-9]+}}x16xf16, {{.*}}#tile.space<ub>> to memref<2x{{[0-9]+}}x16xf16, {{.*}}#tile.space<gm>>
// --precision fp32: no f16 copy.
// FP32-NOT:    vconv
func.func @main(%x: tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>) -> tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>> {
  %w = nn.constant dense<0.5> : tensor<24x16x3x3xf32>
  %s = nn.constant dense<0.125> : tensor<f32>
  %v = nn.constant dense<0.25> : tensor<24x24x1x1xf32>
  %a = nn.conv %x, %w {strides = array<i64: 1, 1>, pads = array<i64: 1, 1, 1, 1>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x16x8x8xf32, #nn.layout<nc1hwc0>>, tensor<24x16x3x3xf32>) -> tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>> loc("a")
  %as = nn.add %a, %s : tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>>, tensor<f32> -> tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>> loc("shift")
  %b = nn.conv %as, %v {strides = array<i64: 1, 1>, pads = array<i64: 0, 0, 0, 0>, dilations = array<i64: 1, 1>, group = 1 : i64} : (tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>>, tensor<24x24x1x1xf32>) -> tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>> loc("b")
  %r = nn.add %b, %as : tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>>, tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>> -> tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>> loc("sum")
  return %r : tensor<1x24x8x8xf32, #nn.layout<nc1hwc0>>
}
