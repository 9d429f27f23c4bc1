<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ChannelShufflePainter</name>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="85"/>
        <source>next conv&apos;s group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="114"/>
        <source>%1 channels in g = %2 groups of n = %3:  reshape (%2, %3) → transpose (%3, %2) → flatten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="119"/>
        <source>%1 channels, identity: every channel stays where it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="127"/>
        <source>Shuffle off. Without the shuffle each group only ever sees its own channels: group k of the next grouped convolution reads only what group k produced, unit after unit (the boundary effect — see the channel flow).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="130"/>
        <source>g = 1: a single group, so there is nothing to mix — the shuffle is the identity.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="142"/>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="158"/>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="142"/>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="160"/>
        <source>after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="212"/>
        <source>one row per group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="214"/>
        <source> · wrapped every %1 columns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="215"/>
        <source>one column per group, read row by row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="216"/>
        <source> · blocks of %1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="224"/>
        <source>① reshape to (g, n) = (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="226"/>
        <source>② transpose to (n, g) = (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="229"/>
        <source>③ flatten, reading row by row → after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="295"/>
        <source>output %1 ← input %2 (group %3, index %4): row %3 col %4 → row %4 col %3 → %4·%5 + %3 = %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CostPanel</name>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="21"/>
        <source>This step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="22"/>
        <source>Up to this step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="23"/>
        <source>Backbone (Table 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="24"/>
        <source>Classifier (FC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="25"/>
        <source>Whole network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="26"/>
        <source>Parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DepthwiseConvPainter</name>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="81"/>
        <source>One 3×3 filter per channel: channel c is computed from channel c alone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="84"/>
        <source>depthwise:  H·W·C·9 = %1·%2·%3·9 = %4 MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="89"/>
        <source>a dense 3×3 conv:  H·W·C·C·9 = %1·%2·%3·%4·9 = %5 MACs (%6 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="141"/>
        <source>channel %1 (group %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="141"/>
        <source>channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="164"/>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="215"/>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="175"/>
        <source>its own 3×3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="223"/>
        <source>Stride 2: the window jumps 2 pixels, so %1×%2 becomes %3×%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="228"/>
        <source>Stride 1, padding 1: the window visits every pixel; %1×%2 stays %3×%4.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="243"/>
        <source>No mixing across channels here: mixing is left to the 1×1 convolutions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="291"/>
        <source>+%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="292"/>
        <source>magnified corner: grey = zero padding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HeadPainter</name>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="78"/>
        <source>Each channel&apos;s %1 × %2 map becomes one number: its mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="88"/>
        <source>the six channels with the largest means:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="114"/>
        <source>channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="119"/>
        <source>all %1 means: the image&apos;s feature vector, %1 × 1 × 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="147"/>
        <source>logits = W · x + b: every class reads all %1 features (dense)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="151"/>
        <source>Cin · classes = %1 · %2 = %3 MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="157"/>
        <source>%1 parameters: the %2 × %3 weight matrix and %2 biases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="170"/>
        <source>x (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="172"/>
        <source>W: %1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="174"/>
        <location filename="../../ui/views/operation/head_painter.cpp" line="198"/>
        <source>logits (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="186"/>
        <source>%1 weights, every one used: the classifier is not grouped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="200"/>
        <source>largest logits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="205"/>
        <source>%1   %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="218"/>
        <source>p = e^z / Σ e^z: every probability positive, together 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="223"/>
        <source>Untrained model — weights: %1. These probabilities mean nothing yet: the network was never taught anything.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="277"/>
        <source>the other %1 classes together: %2%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MergePainter</name>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="161"/>
        <source>unit input  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="169"/>
        <source>3×3 avg pool
stride %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="198"/>
        <source>identity: x as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="206"/>
        <source>1×1 GConv g=%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="206"/>
        <source>1×1 conv (dense)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="207"/>
        <source>shuffle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="207"/>
        <source>shuffle off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="208"/>
        <source>3×3 DWConv stride %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="209"/>
        <source>1×1 GConv g=%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="210"/>
        <source>1×1 conv → %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="242"/>
        <source>shortcut  %1 × %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="243"/>
        <source>shortcut x  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="250"/>
        <source>main branch  %1 × %2 × %3  (%1 = %4 − %5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="256"/>
        <source>main branch F(x)  %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="283"/>
        <source>concat [shortcut, main]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="283"/>
        <source>add: x + F(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="288"/>
        <source>%1 + %2 = %3 channels, %4 × %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="294"/>
        <source>%1 channels stay %1 (added element by element), %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="328"/>
        <source>x, channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="329"/>
        <source>F(x), channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="330"/>
        <source>x + F(x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="334"/>
        <source>input, channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="335"/>
        <source>avg-pooled: output channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="339"/>
        <source>main branch channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="341"/>
        <source>output channel %1 = %2 + %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="348"/>
        <source>Output channels 0–%1 are the shortcut (the input, average-pooled to the new size); channels %2–%3 come from the main branch. Concatenating widens the network at no multiply-add cost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="355"/>
        <source>Every channel adds the unit&apos;s input to what the branch computed: the branch only has to learn a correction (a residual), and the signal passes the unit unchanged too.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OperationPainter</name>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="47"/>
        <source>input image tensor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="49"/>
        <source>dense %1×%1 convolution, stride %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="51"/>
        <source>grouped 1×1 convolution, g = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="52"/>
        <source>1×1 convolution (not grouped)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="54"/>
        <source>depthwise 3×3 convolution, stride %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="56"/>
        <source>batch normalisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="58"/>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="60"/>
        <source>3×3 max-pool, stride %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="62"/>
        <source>shortcut: 3×3 average pool, stride %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="64"/>
        <source>channel shuffle — switched off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="65"/>
        <source>channel shuffle, g = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="67"/>
        <source>add: identity shortcut + main branch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="69"/>
        <source>concat [shortcut, main branch]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="71"/>
        <source>global average pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="73"/>
        <source>fully connected classifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="75"/>
        <source>softmax</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="94"/>
        <source>output %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="96"/>
        <source>%1 MACs (mult-adds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="99"/>
        <source>dense %1 → %2 fewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="103"/>
        <source>no multiply-adds counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="106"/>
        <source>%1 parameters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PointwiseConvPainter</name>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="118"/>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="208"/>
        <source>input: %1 channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="121"/>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="207"/>
        <source>output: %1 channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="178"/>
        <source>group 8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="179"/>
        <source>group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="197"/>
        <source>dashed: the connections a dense 1×1 conv would add — %1/%2 of them, saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="226"/>
        <source>output %1 reads inputs %2–%3 only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="269"/>
        <source>weights (Cout × Cin)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="273"/>
        <source>%1 of %2 weights: 1/%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="276"/>
        <source>%1 weights, all used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="278"/>
        <source>Only the %1 diagonal blocks exist: filters of group k read only the channels of group k.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="281"/>
        <source>A full matrix: every output channel mixes all input channels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="352"/>
        <source>grouped:  H·W·(Cin/g)·Cout = %1·(%2/%3)·%4 = %5 MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="358"/>
        <source>dense:  H·W·Cin·Cout = %1·%2·%3 = %4 MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="363"/>
        <source>saving: %1 fewer multiply-adds — each filter reads %2 of %3 input channels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="368"/>
        <source>H·W·Cin·Cout = %1·%2·%3 = %4 MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="375"/>
        <source>Not grouped: too few input channels (paper). Its %1 inputs come from the stem; every output reads all of them. The shuffle after it still splits the %2 outputs into g = %3 groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="382"/>
        <source>g = 1: a dense 1×1 convolution — every output reads every input.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="88"/>
        <source>shuffle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="88"/>
        <source>no shuffle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="37"/>
        <source>ShuffleScope: see ShuffleNet v1 work, step by step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="40"/>
        <source>Render the window to FILE.png and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="41"/>
        <source>imagenet or fashion.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="42"/>
        <source>Groups g, 1..8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="43"/>
        <source>Channel shuffle off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="44"/>
        <source>Width 0.25, 0.5, 1, 1.5 or 2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="45"/>
        <source>Image or .npy to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="46"/>
        <source>Checkpoint to load.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="47"/>
        <source>Step to select, e.g. stages.0.1.shuffle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="48"/>
        <source>Channel to select.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="49"/>
        <source>operation, flow, features, cost or compare.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="50"/>
        <source>A/B compare with B = &apos;shuffle&apos; (flipped) or a group count.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="51"/>
        <source>Text size, 0.8..2.5 (projector: 1.8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="52"/>
        <source>system, light or dark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="53"/>
        <source>Interface language: en or zh_CN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="54"/>
        <source>Window size WxH.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="72"/>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="80"/>
        <source>--%1: &apos;%2&apos; is not an integer in %3..%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="96"/>
        <source>--scale: &apos;%1&apos; is not 0.25, 0.5, 1, 1.5 or 2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="110"/>
        <source>--compare: &apos;%1&apos; is not &apos;shuffle&apos; or a group count 1..8</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="118"/>
        <source>--font-scale: &apos;%1&apos; is not a number in 0.8..2.5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="124"/>
        <source>--theme: &apos;%1&apos; is not system, light or dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="129"/>
        <source>--lang: &apos;%1&apos; is not en or zh_CN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="137"/>
        <source>--size: &apos;%1&apos; is not WxH between 640x400 and 7680x4320</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="143"/>
        <source>--screenshot: &apos;%1&apos; must be a .png file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="191"/>
        <source>the network did not finish within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="199"/>
        <source>--step: no step named &apos;%1&apos; in this network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="209"/>
        <source>the comparison did not finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="214"/>
        <source>--view: &apos;%1&apos; is not operation, flow, features, cost or compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="220"/>
        <source>cannot write &apos;%1&apos;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Shortcuts</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="54"/>
        <source>Previous / next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="55"/>
        <source>Previous / next unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="56"/>
        <source>First / last step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="57"/>
        <source>Play / pause the walk through the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="58"/>
        <source>Number of groups g</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="59"/>
        <source>Channel shuffle on / off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="60"/>
        <source>Next width (0.25× … 2×)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="61"/>
        <source>Next preset (ImageNet / Fashion-MNIST)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="62"/>
        <source>A/B compare on / off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="63"/>
        <source>Ghost the dense connections a grouped conv saves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="64"/>
        <source>Operation view / channel flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="65"/>
        <source>Replay the step&apos;s animation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="66"/>
        <source>Clear the selected channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="67"/>
        <source>Open an image or .npy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="68"/>
        <source>Open a checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="69"/>
        <source>Larger / smaller text (projector)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="70"/>
        <source>This sheet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SimpleStepPainter</name>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="136"/>
        <source>The image as numbers: %1 (channels × height × width)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="149"/>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="149"/>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="150"/>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="161"/>
        <source>grey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="163"/>
        <source>channel %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="167"/>
        <source>%1 numbers, from %2 to %3 (mean %4, std %5): pixels normalised with the dataset&apos;s mean and standard deviation, as in training.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="179"/>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="182"/>
        <source>Light background: inverted, because Fashion-MNIST images are light on black.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="191"/>
        <source>channel 0, the centre 5 × 5 values:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="216"/>
        <source>%1 filters, each %2×%2 over all %3 input channels (dense), stride %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="225"/>
        <source>H·W·Cout·Cin·%1·%1 = %2·%3·%4·%5·%6 = %7 MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="235"/>
        <source>stride %1: %2 × %3 → %4 × %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="291"/>
        <source>%1 output channels, %2 × %3 each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="306"/>
        <source>Per channel:  y = γ · (x − μ) / √(σ² + ε) + β</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="309"/>
        <source>μ, σ²: the channel&apos;s running mean and variance from training;  γ, β: its learned scale and shift</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="323"/>
        <source>before: mean %1, std %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="323"/>
        <source>after: mean %1, std %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="342"/>
        <source>each channel&apos;s mean: grey before → coloured after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="380"/>
        <source>channel 0 … %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="394"/>
        <source>y = max(0, x): negative values are clipped to 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="399"/>
        <source>%1% of the %2 values are now 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="408"/>
        <source>values before (x)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="418"/>
        <source>left of the dashed line: below 0, set to 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="424"/>
        <source>ReLU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="435"/>
        <source>3×3 windows, stride %1: each output keeps the largest of 9 values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="438"/>
        <source>%1 × %2 → %3 × %4 per channel; the %5 channels stay separate; no multiply-adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="450"/>
        <source>max-pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="476"/>
        <source>one window, in numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="487"/>
        <source>channel %1, output (%2, %3): the largest of its window; – is padding, never the max</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="504"/>
        <source>channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="524"/>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="526"/>
        <source>%1 × %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::ChannelFlowView</name>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="127"/>
        <source>head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="128"/>
        <source>stem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="129"/>
        <source>unit %1.%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="153"/>
        <source>shuffle on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="153"/>
        <source>shuffle off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="154"/>
        <source>g = %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="158"/>
        <source>Which channels can reach channel %1 of %2?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="161"/>
        <source>Pick a channel to trace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="181"/>
        <source> (all %1 groups)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="183"/>
        <source> (1 group of %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="184"/>
        <source> (%1 groups of %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="185"/>
        <source>%1 of %2 channels of %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="191"/>
        <source>channel %1 of %2 is reached by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="198"/>
        <source>one unit further back: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="204"/>
        <source>Click a channel in a column (or in the operation view): the earlier steps then light up the channels that can influence it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="269"/>
        <source>%1/%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="297"/>
        <source>can influence channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="302"/>
        <source>cannot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_view.cpp" line="303"/>
        <source>colour: the channel&apos;s group</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::CostPanel</name>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="37"/>
        <source>MFLOPs (mult-adds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="38"/>
        <location filename="../../ui/views/cost_panel.cpp" line="58"/>
        <source>grouped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="39"/>
        <location filename="../../ui/views/cost_panel.cpp" line="59"/>
        <source>dense</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="55"/>
        <source>Multiply-adds of the selected step; dense = its 1൱ convolution ungrouped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="67"/>
        <source>MFLOPs per stage (C1 = stem conv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="73"/>
        <source>C1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="73"/>
        <source>S2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="73"/>
        <source>S3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="73"/>
        <source>S4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="73"/>
        <source>FC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="125"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — g = %2, %3, shuffle %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="129"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="129"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="137"/>
        <source>%1 MACs; dense is %2 of the grouped network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="164"/>
        <source>&lt;b&gt;Paper, Table 1 (g = %1):&lt;/b&gt; stages %2 / %3 / %4 channels, complexity %5 MFLOPs.&lt;br&gt;&lt;b&gt;Engine:&lt;/b&gt; stages %6 / %7 / %8, backbone %9.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="174"/>
        <source>&lt;b&gt;Paper:&lt;/b&gt; Table 1 has no column for g = %1. %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::FeatureMapCanvas</name>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="100"/>
        <source>Channel %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="103"/>
        <source>red</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="103"/>
        <source>green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="104"/>
        <source>blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="738"/>
        <source>Shared range (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="749"/>
        <source>On: one colour scale for all channels (compare their strength).
Off: each channel stretched over its own min..max (see its pattern).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="756"/>
        <source>Zoom %1× — reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="775"/>
        <source>%1 values, one cell each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="776"/>
        <source>%1 channels × %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="836"/>
        <source>%1 × %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="858"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="862"/>
        <source>This step has no output to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="866"/>
        <source>This step&apos;s output is too large for the graphics card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="946"/>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1010"/>
        <source>Group %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1010"/>
        <source>No group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1015"/>
        <source>Value %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1023"/>
        <source>Rank %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1028"/>
        <source>min %1   max %2   mean %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1033"/>
        <source>(not highlighted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1076"/>
        <source>group %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1076"/>
        <source>no group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1077"/>
        <source>value %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1078"/>
        <source>mean %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1080"/>
        <source>shared scale</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1080"/>
        <source>own scale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="103"/>
        <source>←/→ step · 1ĸ groups · S shuffle · Space play · F1 all shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="113"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="133"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="142"/>
        <source>Operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="143"/>
        <source>Channel flow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="144"/>
        <source>What the selected step computes, animated (F switches view)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="145"/>
        <source>Which earlier channels can reach the selected channel (the boundary effect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="153"/>
        <source>Feature maps: wheel zooms, drag pans, double-click resets, click a channel to enlarge it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="167"/>
        <source>Prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="172"/>
        <source>Cost and prediction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="179"/>
        <source>Controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="184"/>
        <source>ImageNet geometry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="185"/>
        <source>Fashion-MNIST</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="186"/>
        <source>Model preset (P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="189"/>
        <source> Model </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="193"/>
        <source> Groups g </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="200"/>
        <source>g = %1 (key %1) — not in the paper: the stem must change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="201"/>
        <source>g = %1 (key %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="209"/>
        <source>Shuffle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="210"/>
        <source>Channel shuffle on / off (S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="218"/>
        <source>Width scale (W): every filter count times s, cost about s²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="221"/>
        <source> Width </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="227"/>
        <source>Previous step (←)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="232"/>
        <source>Play / pause an automatic walk through the network (Space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="240"/>
        <source>Next step (→)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="247"/>
        <source>Speed of the automatic walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="262"/>
        <source>A/B compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="263"/>
        <source>Split the feature maps: this configuration (A) next to another (B) (C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="266"/>
        <source>B: shuffle flipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="267"/>
        <source>B: g = %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="268"/>
        <source>What configuration B differs in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="281"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="282"/>
        <source>&amp;Open image or .npy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="283"/>
        <source>Open &amp;checkpoint…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="286"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="288"/>
        <source>&amp;Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="295"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="296"/>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="297"/>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="298"/>
        <source>Projector (large text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="301"/>
        <source>System theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="302"/>
        <source>Light theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="303"/>
        <source>Dark theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="313"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="324"/>
        <source>The language changes when ShuffleScope starts again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="328"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="329"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="330"/>
        <source>&amp;About ShuffleScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="331"/>
        <source>About ShuffleScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="332"/>
        <source>&lt;b&gt;ShuffleScope&lt;/b&gt;&lt;br&gt;A visualiser and tutor for ShuffleNet v1 (Zhang, Zhou, Lin, Sun, CVPR 2018).&lt;br&gt;Every number is computed by the project&apos;s own engine from the current configuration.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="345"/>
        <source>Shuffle: on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="345"/>
        <source>Shuffle: off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="352"/>
        <source>ShuffleScope — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="353"/>
        <source> (untrained)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="372"/>
        <source>  Step %1 / %2: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="413"/>
        <source>Open image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="414"/>
        <source>Images and tensors (*.png *.jpg *.jpeg *.bmp *.gif *.npy);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="419"/>
        <source>Open checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="420"/>
        <source>Checkpoints (*.safetensors);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="433"/>
        <source>ShuffleScope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="441"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="443"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="443"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="624"/>
        <source>Saved settings were not valid; starting from the defaults.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::OperationView</name>
    <message>
        <location filename="../../ui/views/operation/operation_view.cpp" line="137"/>
        <source>No network yet: the first forward pass is running.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::PredictionPanel</name>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="17"/>
        <source>The network&apos;s five most likely classes for this input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="61"/>
        <source>Computing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="69"/>
        <source>trained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="69"/>
        <source>untrained</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="105"/>
        <source>Forward pass: %1 ms (fast path)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::Session</name>
    <message>
        <location filename="../../ui/session/session.cpp" line="40"/>
        <source>Invalid configuration: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/session.cpp" line="122"/>
        <source>Invalid comparison: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/session.cpp" line="127"/>
        <source>A/B compare needs both configurations on the same preset.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/session/session.cpp" line="155"/>
        <source>Compare: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::TimelineView</name>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="49"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="49"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="49"/>
        <source>MACs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="56"/>
        <source>Every step of the network. Click a step to show it; ←/→ step through.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="89"/>
        <source>, %1 groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="90"/>
        <source>, off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="110"/>
        <source>Stage %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="113"/>
        <source>Unit %1 (stride 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="114"/>
        <source>Unit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="118"/>
        <source>Stem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="121"/>
        <source>Head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="124"/>
        <source>Input</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
