// The debug table keeps every op's location: file/line/column (and ranges),
// ONNX-style names, fused and call-site locations, unknown.
// RUN: ascend-translate --isa-to-plan %s -o %t.plan
// RUN: ascend-translate --plan-to-isa %t.plan --mlir-print-debuginfo | FileCheck %s
// RUN: ascend-translate --plan-to-isa %t.plan --mlir-print-debuginfo -o %t.mlir
// RUN: ascend-translate --isa-to-plan %t.mlir -o %t2.plan
// RUN: cmp %t.plan %t2.plan

// CHECK-LABEL: isa.plan "ascend910" gm_size 4096 {
// CHECK-NEXT: isa.tensor "x" input tensor<4xf32> at 0 loc([[X:#loc[0-9]+]])
// CHECK-NEXT: isa.constant at 64 dense_resource<cst0> : tensor<2xf32> loc([[C:#loc[0-9]+]])
// CHECK-NEXT: isa.kernel @k block_dim 1 {
// CHECK-NEXT: isa.li r1, 0 loc([[LI:#loc[0-9]+]])
// CHECK-NEXT: isa.loop r1 {
// CHECK-NEXT: isa.saddi r2, r2, 1 loc([[SADDI:#loc[0-9]+]])
// CHECK-NEXT: } loc([[LOOP:#loc[0-9]+]])
// CHECK-NEXT: isa.barrier v loc([[BARRIER:#loc[0-9]+]])
// CHECK-NEXT: isa.barrier m loc([[FUSED:#loc[0-9]+]])
// CHECK-NEXT: isa.barrier s loc([[META:#loc[0-9]+]])
// CHECK-NEXT: isa.barrier mte1 loc([[CALL:#loc[0-9]+]])
// CHECK-NEXT: isa.barrier mte2 loc([[UNKNOWN:#loc[0-9]*]])
// CHECK-NEXT: isa.barrier mte3 loc([[RANGE:#loc[0-9]+]])
// CHECK-NEXT: } loc([[K:#loc[0-9]+]])
// CHECK-NEXT: } loc([[PLAN:#loc[0-9]+]])
isa.plan "ascend910" gm_size 4096 {
  isa.tensor "x" input tensor<4xf32> at 0 loc("model.onnx":1:2)
  isa.constant at 64 dense<[1.0, 2.0]> : tensor<2xf32> loc("w")
  isa.kernel @k block_dim 1 {
    isa.li r1, 0 loc("conv1(Conv)")
    isa.loop r1 {
      isa.saddi r2, r2, 1 loc("relu1(Relu)"("model.onnx":7:3))
    } loc("model.onnx":6:1)
    isa.barrier v loc("add(Add)")
    isa.barrier m loc(fused["a(Conv)", "b(Relu)"])
    isa.barrier s loc(fused<"layer1">["a(Conv)", "model.onnx":9:9])
    isa.barrier mte1 loc(callsite("callee.mlir":1:1 at "caller.mlir":2:2))
    isa.barrier mte2 loc(unknown)
    isa.barrier mte3 loc("range.mlir":3:4 to 5:6)
  } loc("kernel_loc")
} loc("plan_loc")

// CHECK-DAG: [[X]] = loc("model.onnx":1:2)
// CHECK-DAG: [[C]] = loc("w")
// CHECK-DAG: [[LI]] = loc("conv1(Conv)")
// CHECK-DAG: [[SADDI]] = loc("relu1(Relu)"(#loc{{[0-9]+}}))
// CHECK-DAG: loc("model.onnx":7:3)
// CHECK-DAG: [[LOOP]] = loc("model.onnx":6:1)
// CHECK-DAG: [[BARRIER]] = loc("add(Add)")
// CHECK-DAG: [[FUSED]] = loc(fused[#loc{{[0-9]+}}, #loc{{[0-9]+}}])
// CHECK-DAG: [[META]] = loc(fused<"layer1">[#loc{{[0-9]+}}, #loc{{[0-9]+}}])
// CHECK-DAG: [[CALL]] = loc(callsite(#loc{{[0-9]+}} at #loc{{[0-9]+}}))
// CHECK-DAG: [[UNKNOWN]] = loc(unknown)
// CHECK-DAG: [[RANGE]] = loc("range.mlir":3:4 to 5:6)
// CHECK-DAG: [[K]] = loc("kernel_loc")
// CHECK-DAG: [[PLAN]] = loc("plan_loc")
