<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="131"/>
        <source>&amp;Open image or .npy…</source>
        <translation>打开图像或 .npy(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="136"/>
        <source>Open &amp;checkpoint…</source>
        <translation>打开检查点(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="141"/>
        <source>Open &amp;lesson…</source>
        <translation>打开课程(&amp;L)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="146"/>
        <source>Open &amp;demo…</source>
        <translation>打开演示(&amp;D)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="151"/>
        <source>&amp;Save demo…</source>
        <translation>保存演示(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="156"/>
        <source>&amp;Export view as PNG or SVG…</source>
        <translation>导出视图为 PNG 或 SVG(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="161"/>
        <source>Export the step&apos;s &amp;animation as GIF…</source>
        <translation>将此步的动画导出为 GIF(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="166"/>
        <source>Export the per-step &amp;table (CSV, Markdown)…</source>
        <translation>导出逐步表格（CSV、Markdown）(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="171"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="177"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="182"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="187"/>
        <source>Previous unit</source>
        <translation>上一个单元</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="192"/>
        <source>Next unit</source>
        <translation>下一个单元</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="197"/>
        <source>First step</source>
        <translation>第一步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="202"/>
        <source>Last step</source>
        <translation>最后一步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="209"/>
        <source>Play / pause the walk through the network</source>
        <translation>播放 / 暂停网络的自动逐步演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="215"/>
        <source>Slower walk</source>
        <translation>放慢演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="220"/>
        <source>Faster walk</source>
        <translation>加快演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="227"/>
        <source>Lesson in presenter mode: reveal, then the next step</source>
        <translation>演示模式下的课程：先揭晓，再到下一步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="232"/>
        <source>Lesson in presenter mode: the step before</source>
        <translation>演示模式下的课程：上一步</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="237"/>
        <source>Leave presenter mode, else close the enlarged feature map, else clear the selected channel</source>
        <translation>退出演示者模式；不在该模式时关闭放大的特征图，或取消选中的通道</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="251"/>
        <source>Channel shuffle on / off</source>
        <translation>通道混洗 开 / 关</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="257"/>
        <source>Next width (0.25× … 2×)</source>
        <translation>下一个宽度系数（0.25× … 2×）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="262"/>
        <source>Next preset (ImageNet / Fashion-MNIST)</source>
        <translation>下一个预设（ImageNet / Fashion-MNIST）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="267"/>
        <source>Measure time per step (this machine, 1 thread)</source>
        <translation>测量每一步的耗时（本机，单线程）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="273"/>
        <source>A/B compare on / off</source>
        <translation>A/B 对比 开 / 关</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="279"/>
        <source>Next choice of configuration B</source>
        <translation>切换配置 B 的下一个选项</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="285"/>
        <source>Operation view / channel flow</source>
        <translation>运算视图 / 通道流向</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="290"/>
        <source>Lesson panel: the guided lessons</source>
        <translation>课程面板：分步引导的课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="295"/>
        <source>Train panel</source>
        <translation>训练面板</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="300"/>
        <source>Ghost the dense connections a grouped conv saves</source>
        <translation>以虚线显示分组卷积省去的稠密连接</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="305"/>
        <source>Replay the step&apos;s animation</source>
        <translation>重播当前步骤的动画</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="310"/>
        <source>Feature maps: one colour range for all channels / each its own</source>
        <translation>特征图：所有通道统一色阶 / 各用各的色阶</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="316"/>
        <source>Feature maps: zoom in</source>
        <translation>特征图：放大</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="321"/>
        <source>Feature maps: zoom out</source>
        <translation>特征图：缩小</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="326"/>
        <source>Feature maps: fit (wheel and drag zoom and pan too)</source>
        <translation>特征图：适合窗口（也可用滚轮缩放、拖动平移）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="331"/>
        <source>A/B compare: previous page of channels</source>
        <translation>A/B 对比：上一页通道</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="336"/>
        <source>A/B compare: next page of channels</source>
        <translation>A/B 对比：下一页通道</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="341"/>
        <source>Side panels (network, prediction and cost)</source>
        <translation>侧边面板（网络、预测与开销）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="347"/>
        <source>Presenter: full screen, large text, the views and the cost only</source>
        <translation>演示者模式：全屏、大字，只显示视图和计算量</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="354"/>
        <source>Full screen</source>
        <translation>全屏</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="365"/>
        <source>Larger text</source>
        <translation>增大文字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="370"/>
        <source>Smaller text</source>
        <translation>减小文字</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="375"/>
        <source>Projector (large text)</source>
        <translation>投影仪模式（大字）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="381"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
</context>
<context>
    <name>AnimationExport</name>
    <message>
        <location filename="../../ui/export/animation_export.cpp" line="20"/>
        <source>Cannot write &apos;%1&apos;: no network is shown yet</source>
        <translation>无法写入“%1”：尚未显示任何网络</translation>
    </message>
</context>
<context>
    <name>ChannelShufflePainter</name>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="81"/>
        <source>next conv&apos;s group %1</source>
        <translation>下一个卷积的组 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="109"/>
        <source>%1 channels in g = %2 groups of n = %3:  reshape (%2, %3) → transpose (%3, %2) → flatten</source>
        <translation>%1 个通道分成 g = %2 组，每组 n = %3 个：重塑 (%2, %3) → 转置 (%3, %2) → 展平</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="114"/>
        <source>%1 channels, identity: every channel stays where it is</source>
        <translation>%1 个通道，恒等变换：每个通道都留在原位</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="124"/>
        <source>Shuffle off. Without the shuffle each group only ever sees its own channels: group k of the next grouped convolution reads only what group k produced, unit after unit (the boundary effect — see the channel flow).</source>
        <translation>混洗已关闭。没有混洗，每个组永远只能看到本组的通道：下一个分组卷积的第 k 组只读取第 k 组产生的结果，一个单元接一个单元都是如此（这就是边界效应——见“通道流向”）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="127"/>
        <source>g = 1: a single group, so there is nothing to mix — the shuffle is the identity.</source>
        <translation>g = 1：只有一个组，没有什么可混合的——混洗就是恒等变换。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="162"/>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="197"/>
        <source>before</source>
        <translation>混洗前</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="162"/>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="199"/>
        <source>after</source>
        <translation>混洗后</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="251"/>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="269"/>
        <source>one row per group</source>
        <translation>每组一行</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="253"/>
        <source> · wrapped every %1 columns</source>
        <translation> · 每 %1 列换行</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="254"/>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="274"/>
        <source>one column per group, read row by row</source>
        <translation>每组一列，按行读取</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="255"/>
        <source> · blocks of %1 rows</source>
        <translation> · 每块 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="267"/>
        <source>① reshape to (g, n) = (%1, %2)</source>
        <translation>① 重塑为 (g, n) = (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="268"/>
        <source>① reshape (%1, %2)</source>
        <translation>① 重塑 (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="272"/>
        <source>② transpose to (n, g) = (%1, %2)</source>
        <translation>② 转置为 (n, g) = (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="273"/>
        <source>② transpose (%1, %2)</source>
        <translation>② 转置 (%1, %2)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="275"/>
        <source>one column per group</source>
        <translation>每组一列</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="278"/>
        <source>③ flatten, reading row by row → after</source>
        <translation>③ 展平，按行读取 → 混洗后</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="278"/>
        <source>③ flatten → after</source>
        <translation>③ 展平 → 混洗后</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/channel_shuffle_painter.cpp" line="150"/>
        <source>output %1 ← input %2 (group %3, index %4): row %3 col %4 → row %4 col %3 → %4·%5 + %3 = %1</source>
        <translation>输出 %1 ← 输入 %2（组 %3，组内序号 %4）：第 %3 行第 %4 列 → 第 %4 行第 %3 列 → %4·%5 + %3 = %1</translation>
    </message>
</context>
<context>
    <name>ClassLabel</name>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="15"/>
        <source>T-shirt/top</source>
        <translation>T恤/上衣</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="15"/>
        <source>Trouser</source>
        <translation>裤子</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="16"/>
        <source>Pullover</source>
        <translation>套头衫</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="16"/>
        <source>Dress</source>
        <translation>连衣裙</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="17"/>
        <source>Coat</source>
        <translation>外套</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="17"/>
        <source>Sandal</source>
        <translation>凉鞋</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="18"/>
        <source>Shirt</source>
        <translation>衬衫</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="18"/>
        <source>Sneaker</source>
        <translation>运动鞋</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="19"/>
        <source>Bag</source>
        <translation>包</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="19"/>
        <source>Ankle boot</source>
        <translation>踝靴</translation>
    </message>
    <message>
        <location filename="../../ui/text/engine_text.cpp" line="35"/>
        <source>class %1</source>
        <translation>类别 %1</translation>
    </message>
</context>
<context>
    <name>ComputedAnswer</name>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="61"/>
        <source>H·W·(Cin/g)·Cout = %1·(%2/%3)·%4 = %5</source>
        <translation>H·W·(Cin/g)·Cout = %1·(%2/%3)·%4 = %5</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="68"/>
        <source>H·W·Cin·Cout = %1·%2·%3 = %4</source>
        <translation>H·W·Cin·Cout = %1·%2·%3 = %4</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="73"/>
        <source>H·W·C·3·3 = %1·%2·3·3 = %3</source>
        <translation>H·W·C·3·3 = %1·%2·3·3 = %3</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="78"/>
        <source>H·W·Cin·Cout·K·K = %1·%2·%3·%4·%4 = %5</source>
        <translation>H·W·Cin·Cout·K·K = %1·%2·%3·%4·%4 = %5</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="85"/>
        <source>Cin·Cout = %1·%2 = %3</source>
        <translation>Cin·Cout = %1·%2 = %3</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="90"/>
        <source>%1 multiplies nothing by a weight: no multiply-adds are counted.</source>
        <translation>%1 不与任何权重相乘：不计乘加次数。</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="107"/>
        <source>Cout·(Cin/g)·K·K = %1·(%2/%3)·%4·%4 = %5</source>
        <translation>Cout·(Cin/g)·K·K = %1·(%2/%3)·%4·%4 = %5</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="114"/>
        <source>%1 has %2 learnable values.</source>
        <translation>%1 有 %2 个可学习的数值。</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="128"/>
        <source>The shuffle is off (or g = 1): channel %1 stays at %1.</source>
        <translation>通道混洗已关闭（或 g = 1）：通道 %1 仍在位置 %1。</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="134"/>
        <source>%1 = i·n + j with n = %2/%3 = %4: group i = %5, index j = %6; it goes to j·g + i = %6·%3 + %5 = %7.</source>
        <translation>%1 = i·n + j，其中 n = %2/%3 = %4：组 i = %5，组内序号 j = %6；它被送到 j·g + i = %6·%3 + %5 = %7。</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="164"/>
        <source>stem %1 + Stage 2 %2 + Stage 3 %3 + Stage 4 %4 + classifier %5 = %6</source>
        <translation>起始层 %1 + 阶段 2 %2 + 阶段 3 %3 + 阶段 4 %4 + 分类器 %5 = %6</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="178"/>
        <source>%1 channels split into g = %2 groups of %3.</source>
        <translation>%1 个通道分成 g = %2 组，每组 %3 个。</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="183"/>
        <source>%1 does not divide %2: the nearest multiple of %1 is %3 (%4 away).</source>
        <translation>%1 不能整除 %2：离它最近的 %1 的倍数是 %3（相差 %4）。</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="200"/>
        <source>%1 outputs %2 channels of %3 × %4.</source>
        <translation>%1 输出 %2 个 %3 × %4 的通道。</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/computed_answer.cpp" line="215"/>
        <source>%1 of the %2 channels of %3 can reach channel %4 of %5.</source>
        <translation>%3 的 %2 个通道中，有 %1 个能到达 %5 的通道 %4。</translation>
    </message>
</context>
<context>
    <name>ConfigDescription</name>
    <message>
        <location filename="../../core/src/model/config.cpp" line="94"/>
        <source>shuffle on</source>
        <translation>通道混洗：开</translation>
    </message>
    <message>
        <location filename="../../core/src/model/config.cpp" line="95"/>
        <source>shuffle off</source>
        <translation>通道混洗：关</translation>
    </message>
    <message>
        <location filename="../../core/src/model/config.cpp" line="101"/>
        <source>%1 classes</source>
        <translation>%1 个类别</translation>
    </message>
    <message>
        <location filename="../../core/src/model/config.cpp" line="104"/>
        <source>paper stem</source>
        <translation>论文的起始层</translation>
    </message>
    <message>
        <location filename="../../core/src/model/config.cpp" line="105"/>
        <source>small-input stem</source>
        <translation>小输入起始层</translation>
    </message>
    <message>
        <location filename="../../core/src/model/config.cpp" line="108"/>
        <source>grouped first 1x1 (seed&apos;s Keras variant)</source>
        <translation>第一个 1×1 卷积也分组（种子笔记中的 Keras 变体）</translation>
    </message>
    <message>
        <location filename="../../core/src/model/config.cpp" line="114"/>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>CostPanel</name>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="31"/>
        <source>This step</source>
        <translation>当前步骤</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="32"/>
        <source>Up to this step</source>
        <translation>截至当前步骤</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="33"/>
        <source>Backbone (Table 1)</source>
        <translation>骨干网络（表 1）</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="34"/>
        <source>Classifier (FC)</source>
        <translation>分类器（FC）</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="35"/>
        <source>Whole network</source>
        <translation>整个网络</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="36"/>
        <source>Parameters</source>
        <translation>参数量</translation>
    </message>
</context>
<context>
    <name>DemoFile</name>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="51"/>
        <location filename="../../ui/session/demo_file.cpp" line="150"/>
        <location filename="../../ui/session/demo_file.cpp" line="261"/>
        <location filename="../../ui/session/demo_file.cpp" line="335"/>
        <source>true or false</source>
        <translation>true 或 false</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="53"/>
        <location filename="../../ui/session/demo_file.cpp" line="102"/>
        <location filename="../../ui/session/demo_file.cpp" line="323"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="55"/>
        <location filename="../../ui/session/demo_file.cpp" line="87"/>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="57"/>
        <location filename="../../ui/session/demo_file.cpp" line="428"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="59"/>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="63"/>
        <source>nothing</source>
        <translation>空</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="72"/>
        <source>expected %1, found %2 (%3)</source>
        <translation>应为%1，实际是%2（%3）</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="77"/>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="80"/>
        <source>%1 is not an integer in %2..%3</source>
        <translation>%1 不是 %2..%3 之间的整数</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="90"/>
        <source>&apos;%1&apos; is not one of: %2</source>
        <translation>“%1”不在可选值之中：%2</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="105"/>
        <source>%1 is not 0.25, 0.5, 1, 1.5 or 2</source>
        <translation>%1 不是 0.25、0.5、1、1.5 或 2</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="118"/>
        <source>&apos;%1&apos; is not &quot;off&quot;, &quot;shuffle&quot;, a group count or a configuration {&quot;g&quot;, &quot;shuffle&quot;, &quot;width&quot;}</source>
        <translation>“%1”不是 &quot;off&quot;、&quot;shuffle&quot;、组数或配置 {&quot;g&quot;, &quot;shuffle&quot;, &quot;width&quot;}</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="132"/>
        <source>&quot;off&quot;, &quot;shuffle&quot;, a group count or an object</source>
        <translation>&quot;off&quot;、&quot;shuffle&quot;、组数或对象</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="137"/>
        <source>B: unknown field &apos;%1&apos; (B has &quot;g&quot;, &quot;shuffle&quot;, &quot;width&quot;)</source>
        <translation>B：未知字段“%1”（B 的字段为 &quot;g&quot;、&quot;shuffle&quot;、&quot;width&quot;）</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="141"/>
        <source>B needs all of &quot;g&quot;, &quot;shuffle&quot; and &quot;width&quot;</source>
        <translation>B 必须同时给出 &quot;g&quot;、&quot;shuffle&quot; 和 &quot;width&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="143"/>
        <source>a whole configuration B needs the demo&apos;s &quot;preset&quot;</source>
        <translation>以完整配置给出 B 时，演示文件必须有 &quot;preset&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="147"/>
        <source>B: g: </source>
        <translation>B：g：</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="149"/>
        <source>B: shuffle: </source>
        <translation>B：shuffle：</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="153"/>
        <source>B: width: </source>
        <translation>B：width：</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="212"/>
        <source>a file name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="227"/>
        <source>a sample&apos;s file name</source>
        <translation>示例图片的文件名</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="233"/>
        <source>no bundled sample named &apos;%1&apos; (there are: %2)</source>
        <translation>没有名为“%1”的内置示例图片（现有：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="284"/>
        <source>a step name such as &quot;stages.1.3.shuffle&quot;</source>
        <translation>步骤名，例如 &quot;stages.1.3.shuffle&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="325"/>
        <source>%1 is not a text size in 0.8..2.5</source>
        <translation>%1 不是 0.8..2.5 之间的字号</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="346"/>
        <source>a bundled lesson&apos;s name or a .lesson file</source>
        <translation>内置课程的名称或 .lesson 文件</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="365"/>
        <source>a step of which lesson? &quot;lesson&quot; is missing</source>
        <translation>哪一课的步骤？缺少 &quot;lesson&quot;</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="424"/>
        <source>not valid JSON: %1</source>
        <translation>不是有效的 JSON：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="427"/>
        <source>a demo is one JSON object { ... }, not %1</source>
        <translation>演示文件应是一个 JSON 对象 { ... }，而不是%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="435"/>
        <source>not a ShuffleScope demo (it needs &quot;format&quot;: &quot;%1&quot;)</source>
        <translation>不是 ShuffleScope 演示文件（需要 &quot;format&quot;: &quot;%1&quot;）</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="441"/>
        <source>missing: the format&apos;s version, 1 for this ShuffleScope</source>
        <translation>缺少格式版本号（本版 ShuffleScope 为 1）</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="442"/>
        <source>a whole number from 1</source>
        <translation>从 1 起的整数</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="445"/>
        <source>this demo was saved in format version %1 by a newer ShuffleScope; this one reads version %2 and older. Open it with a newer ShuffleScope.</source>
        <translation>此演示由较新的 ShuffleScope 以格式版本 %1 保存；本版只能读取版本 %2 及更早的格式。请用较新的 ShuffleScope 打开。</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="462"/>
        <source>unknown field (version %1 has: %2)</source>
        <translation>未知字段（版本 %1 的字段为：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/session/demo_file.cpp" line="467"/>
        <source>give &quot;image&quot; (a file) or &quot;sample&quot; (a bundled image), not both</source>
        <translation>&quot;image&quot;（文件）和 &quot;sample&quot;（内置图片）只能给出其一</translation>
    </message>
</context>
<context>
    <name>DepthwiseConvPainter</name>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="83"/>
        <source>One 3×3 filter per channel: channel c is computed from channel c alone</source>
        <translation>每个通道一个 3×3 卷积核：输出通道 c 只由输入通道 c 计算得到</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="88"/>
        <source>depthwise:  H·W·C·9 = %1·%2·%3·9 = %4 MACs</source>
        <translation>深度卷积：H·W·C·9 = %1·%2·%3·9 = %4 MACs</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="93"/>
        <source>a dense 3×3 conv:  H·W·C·C·9 = %1·%2·%3·%4·9 = %5 MACs (%6 more)</source>
        <translation>稠密 3×3 卷积：H·W·C·C·9 = %1·%2·%3·%4·9 = %5 MACs（多 %6）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="175"/>
        <source>channel %1 (group %2)</source>
        <translation>通道 %1（组 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="175"/>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="198"/>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="247"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="334"/>
        <source>grey = zero padding</source>
        <translation>灰色 = 零填充</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="146"/>
        <source>its own 3×3</source>
        <translation>各自的 3×3</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="111"/>
        <source>Stride 2: the window jumps 2 pixels, so %1×%2 becomes %3×%4.</source>
        <translation>步长 2：窗口每次跳 2 个像素，所以 %1×%2 变成 %3×%4。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="116"/>
        <source>Stride 1, padding 1: the window visits every pixel; %1×%2 stays %3×%4.</source>
        <translation>步长 1、填充 1：窗口经过每一个像素；%1×%2 仍为 %3×%4。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="266"/>
        <source>No mixing across channels here: mixing is left to the 1×1 convolutions.</source>
        <translation>这里通道之间互不混合：混合交给 1×1 卷积完成。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="317"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/depthwise_conv_painter.cpp" line="329"/>
        <source>magnified corner: grey = zero padding</source>
        <translation>放大的角落：灰色 = 零填充</translation>
    </message>
</context>
<context>
    <name>ExportDialogs</name>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="34"/>
        <source>Wrote %1</source>
        <translation>已写入 %1</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="60"/>
        <source>Operation view</source>
        <translation>运算视图</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="61"/>
        <source>Channel flow</source>
        <translation>通道流向</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="62"/>
        <source>Feature maps</source>
        <translation>特征图</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="63"/>
        <source>Cost panel</source>
        <translation>计算量面板</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="64"/>
        <source>Network tree</source>
        <translation>网络结构树</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="65"/>
        <source>Train tab</source>
        <translation>训练面板</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="70"/>
        <source>PNG, screen size (1×)</source>
        <translation>PNG，屏幕尺寸（1×）</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="73"/>
        <source>PNG, twice the size for print (2×)</source>
        <translation>PNG，两倍尺寸，用于打印（2×）</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="76"/>
        <source>SVG (lines and text stay editable)</source>
        <translation>SVG（线条和文字保持可编辑）</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="77"/>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="78"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="79"/>
        <source>The view is exported at its size on screen. The feature maps are drawn with OpenGL: their PNG is the screen&apos;s pixels enlarged, their SVG holds that picture as an image. Every other view&apos;s SVG keeps its lines and text.</source>
        <translation>视图按其在屏幕上的尺寸导出。特征图由 OpenGL 绘制：其 PNG 是放大后的屏幕像素，其 SVG 以一张图片包含该画面。其他视图的 SVG 保留线条和文字。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="85"/>
        <location filename="../../ui/export/export_dialogs.cpp" line="90"/>
        <source>Export view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="92"/>
        <source>SVG images (*.svg)</source>
        <translation>SVG 图像 (*.svg)</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="93"/>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="114"/>
        <source>Size:</source>
        <translation>尺寸：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="115"/>
        <source>Frames per second:</source>
        <translation>每秒帧数：</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="117"/>
        <source>The current step&apos;s animation in the operation view, from start to end, the last frame held for %1 s; it loops. 256 colours a frame.</source>
        <translation>运算视图中当前步骤的动画，从开始到结束，最后一帧停留 %1 秒，循环播放。每帧 256 色。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="123"/>
        <location filename="../../ui/export/export_dialogs.cpp" line="127"/>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="129"/>
        <source>Animated GIF (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="144"/>
        <source>Export per-step table</source>
        <translation>导出逐步表格</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_dialogs.cpp" line="146"/>
        <source>CSV (*.csv);;Markdown (*.md)</source>
        <translation>CSV (*.csv);;Markdown (*.md)</translation>
    </message>
</context>
<context>
    <name>FileOutput</name>
    <message>
        <location filename="../../ui/export/file_output.cpp" line="32"/>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation>无法写入“%1”：%2</translation>
    </message>
</context>
<context>
    <name>GifWriter</name>
    <message>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation type="vanished">无法写入“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../ui/export/gif_writer.cpp" line="121"/>
        <source>no frames</source>
        <translation>没有帧</translation>
    </message>
    <message>
        <location filename="../../ui/export/gif_writer.cpp" line="128"/>
        <source>frames of different sizes</source>
        <translation>各帧尺寸不一致</translation>
    </message>
</context>
<context>
    <name>HeadPainter</name>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="79"/>
        <source>Each channel&apos;s %1 × %2 map becomes one number: its mean</source>
        <translation>每个通道的 %1 × %2 特征图变成一个数：它的均值</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="88"/>
        <source>the six channels with the largest means:</source>
        <translation>均值最大的六个通道：</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="128"/>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="134"/>
        <source>all %1 means: the image&apos;s feature vector, %1 × 1 × 1</source>
        <translation>全部 %1 个均值：即这张图像的特征向量，%1 × 1 × 1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="163"/>
        <source>logits = W · x + b: every class reads all %1 features (dense)</source>
        <translation>logits = W · x + b：每个类别都读取全部 %1 个特征（稠密）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="166"/>
        <source>Cin · classes = %1 · %2 = %3 MACs</source>
        <translation>Cin · 类别数 = %1 · %2 = %3 MACs</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="170"/>
        <source>%1 parameters: the %2 × %3 weight matrix and %2 biases</source>
        <translation>参数量 %1：%2 × %3 的权重矩阵，加上 %2 个偏置</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="206"/>
        <source>x (%1)</source>
        <translation>x (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="210"/>
        <source>W: %1 × %2</source>
        <translation>W: %1 × %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="193"/>
        <source>logits (%1)</source>
        <translation>logits (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="228"/>
        <source>%1 weights, every one used: the classifier is not grouped</source>
        <translation>%1 个权重，每个都用到：分类器不分组</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="191"/>
        <location filename="../../ui/views/operation/head_painter.cpp" line="243"/>
        <source>largest logits</source>
        <translation>最大的 logits</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="187"/>
        <source>%1   %2</source>
        <translation>%1   %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="261"/>
        <source>p = e^z / Σ e^z: every probability positive, together 1</source>
        <translation>p = e^z / Σ e^z：每个概率都为正，总和为 1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="266"/>
        <source>Untrained model — weights: %1. These probabilities mean nothing yet: the network was never taught anything.</source>
        <translation>未训练的模型——权重：%1。这些概率目前还没有任何意义：网络从未学习过。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/head_painter.cpp" line="330"/>
        <source>the other %1 classes together: %2%</source>
        <translation>其余 %1 个类别合计：%2%</translation>
    </message>
</context>
<context>
    <name>InferenceJob</name>
    <message>
        <location filename="../../ui/session/inference_job.cpp" line="26"/>
        <source>Could not load the weights: %1</source>
        <translation>无法加载权重：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/inference_job.cpp" line="28"/>
        <source>Could not open the input: %1</source>
        <translation>无法打开输入文件：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/inference_job.cpp" line="32"/>
        <source>Could not run the network: %1</source>
        <translation>无法运行网络：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/inference_job.cpp" line="100"/>
        <source>Not enough memory for this configuration and input.</source>
        <translation>内存不足，无法运行此配置和输入。</translation>
    </message>
</context>
<context>
    <name>MergePainter</name>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="224"/>
        <source>unit input  %1</source>
        <translation>单元输入  %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="138"/>
        <source>3×3 avg pool
stride %1</source>
        <translation>3×3 平均池化
步长 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="139"/>
        <source>identity: x as it is</source>
        <translation>恒等映射：x 原样通过</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="126"/>
        <source>1×1 GConv g=%1</source>
        <translation>1×1 GConv g=%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="126"/>
        <source>1×1 conv (dense)</source>
        <translation>1×1 卷积（稠密）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="127"/>
        <source>shuffle</source>
        <translation>通道混洗</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="127"/>
        <source>shuffle off</source>
        <translation>混洗已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="128"/>
        <source>3×3 DWConv stride %1</source>
        <translation>3×3 DWConv 步长 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="129"/>
        <source>1×1 GConv g=%1 → %2</source>
        <translation>1×1 GConv g=%1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="130"/>
        <source>1×1 conv → %1</source>
        <translation>1×1 卷积 → %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="133"/>
        <source>GConv g=%1</source>
        <translation>GConv g=%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="133"/>
        <source>conv (dense)</source>
        <translation>卷积（稠密）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="134"/>
        <source>DWConv stride %1</source>
        <translation>DWConv 步长 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="135"/>
        <source>GConv g=%1 → %2</source>
        <translation>GConv g=%1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="136"/>
        <source>conv → %1</source>
        <translation>卷积 → %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="300"/>
        <source>shortcut  %1 × %2 × %3</source>
        <translation>捷径分支  %1 × %2 × %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="304"/>
        <source>shortcut  %1</source>
        <translation>捷径分支  %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="305"/>
        <source>shortcut x  %1</source>
        <translation>捷径分支 x  %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="305"/>
        <source>x  %1</source>
        <translation>x  %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="309"/>
        <source>main branch  %1 × %2 × %3  (%1 = %4 − %5)</source>
        <translation>主分支  %1 × %2 × %3  (%1 = %4 − %5)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="315"/>
        <source>main branch  %1</source>
        <translation>主分支  %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="315"/>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="316"/>
        <source>main  %1</source>
        <translation>主分支  %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="317"/>
        <source>main branch F(x)  %1</source>
        <translation>主分支 F(x)  %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="317"/>
        <source>F(x)  %1</source>
        <translation>F(x)  %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="371"/>
        <source>concat [shortcut, main]</source>
        <translation>拼接 [捷径分支, 主分支]</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="371"/>
        <source>add: x + F(x)</source>
        <translation>相加：x + F(x)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="379"/>
        <source>%1 + %2 = %3 channels, %4 × %5</source>
        <translation>%1 + %2 = %3 个通道，%4 × %5</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="385"/>
        <source>%1 + %2 = %3 channels</source>
        <translation>%1 + %2 = %3 个通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="386"/>
        <source>%1 channels stay %1 (added element by element), %2 × %3</source>
        <translation>仍为 %1 个通道（逐元素相加），%2 × %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="390"/>
        <source>%1 channels stay %1 (added element by element)</source>
        <translation>%1 个通道仍为 %1 个（逐元素相加）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="391"/>
        <source>%1 channels stay %1</source>
        <translation>%1 个通道仍为 %1 个</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="422"/>
        <source>x, channel %1</source>
        <translation>x，通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="423"/>
        <source>F(x), channel %1</source>
        <translation>F(x)，通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="424"/>
        <source>x + F(x)</source>
        <translation>x + F(x)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="428"/>
        <source>input, channel %1</source>
        <translation>输入，通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="429"/>
        <source>avg-pooled: output channel %1</source>
        <translation>平均池化后：输出通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="433"/>
        <source>main branch channel %1</source>
        <translation>主分支通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="435"/>
        <source>output channel %1 = %2 + %3</source>
        <translation>输出通道 %1 = %2 + %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="441"/>
        <source>Output channels 0–%1 are the shortcut (the input, average-pooled to the new size); channels %2–%3 come from the main branch. Concatenating widens the network at no multiply-add cost.</source>
        <translation>输出通道 0–%1 来自捷径分支（即输入经平均池化缩小到新尺寸）；通道 %2–%3 来自主分支。拼接让网络变宽，却不增加任何乘加运算。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/merge_painter.cpp" line="448"/>
        <source>Every channel adds the unit&apos;s input to what the branch computed: the branch only has to learn a correction (a residual), and the signal passes the unit unchanged too.</source>
        <translation>每个通道都把单元的输入加到主分支的计算结果上：主分支只需学习一个修正量（残差），信号也能原样穿过这个单元。</translation>
    </message>
</context>
<context>
    <name>NumberFormat</name>
    <message>
        <location filename="../../ui/text/number_format.cpp" line="20"/>
        <source>%1 MACs</source>
        <extracomment>A number of multiply-adds; %1 is the number with its SI prefix, &quot;11.3 M&quot;</extracomment>
        <translation>%1 次乘加</translation>
    </message>
    <message>
        <location filename="../../ui/text/number_format.cpp" line="35"/>
        <source>%1 ms</source>
        <extracomment>A measured time; %1 is the number of milliseconds, &quot;1.25&quot;</extracomment>
        <translation>%1 毫秒</translation>
    </message>
</context>
<context>
    <name>OperationPainter</name>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="62"/>
        <source>input image tensor</source>
        <translation>输入图像张量</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="64"/>
        <source>dense %1×%1 convolution, stride %2</source>
        <translation>稠密 %1×%1 卷积，步长 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="66"/>
        <source>grouped 1×1 convolution, g = %1</source>
        <translation>分组 1×1 卷积，g = %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="67"/>
        <source>1×1 convolution (not grouped)</source>
        <translation>1×1 卷积（不分组）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="69"/>
        <source>depthwise 3×3 convolution, stride %1</source>
        <translation>深度卷积 3×3，步长 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="71"/>
        <source>batch normalisation</source>
        <translation>批归一化 (BN)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="73"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="75"/>
        <source>3×3 max-pool, stride %1</source>
        <translation>3×3 最大池化，步长 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="77"/>
        <source>shortcut: 3×3 average pool, stride %1</source>
        <translation>捷径分支：3×3 平均池化，步长 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="79"/>
        <source>channel shuffle — switched off</source>
        <translation>通道混洗——已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="80"/>
        <source>channel shuffle, g = %1</source>
        <translation>通道混洗，g = %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="82"/>
        <source>add: identity shortcut + main branch</source>
        <translation>相加：恒等捷径分支 + 主分支</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="84"/>
        <source>concat [shortcut, main branch]</source>
        <translation>拼接 [捷径分支, 主分支]</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="86"/>
        <source>global average pool</source>
        <translation>全局平均池化</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="88"/>
        <source>fully connected classifier</source>
        <translation>全连接分类器</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_painter.cpp" line="90"/>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_header_layout.cpp" line="13"/>
        <source>output %1</source>
        <translation>输出 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_header_layout.cpp" line="15"/>
        <source>%1 MACs (mult-adds)</source>
        <translation>%1 MACs（乘加运算）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_header_layout.cpp" line="17"/>
        <source>dense %1 → %2 fewer</source>
        <translation>稠密 %1 → 减少 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_header_layout.cpp" line="21"/>
        <source>no multiply-adds counted</source>
        <translation>不计乘加运算</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/operation_header_layout.cpp" line="24"/>
        <source>%1 parameters</source>
        <translation>参数量 %1</translation>
    </message>
</context>
<context>
    <name>ParameterCache</name>
    <message>
        <location filename="../../ui/session/parameter_cache.cpp" line="39"/>
        <source>random (seed %1)</source>
        <translation>随机权重（种子 %1）</translation>
    </message>
</context>
<context>
    <name>PointwiseConvPainter</name>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="119"/>
        <source>input: %1 channels</source>
        <translation>输入：%1 个通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="121"/>
        <source>output: %1 channels</source>
        <translation>输出：%1 个通道</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="222"/>
        <source>group 8</source>
        <translation>组 8</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="223"/>
        <source>group %1</source>
        <translation>组 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="182"/>
        <source>dashed: the connections a dense 1×1 conv would add — %1/%2 of them, saved</source>
        <translation>虚线：稠密 1×1 卷积会多出的连接——占全部的 %1/%2，分组后都省掉了</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="246"/>
        <source>output %1 reads inputs %2–%3 only</source>
        <translation>输出 %1 只读取输入 %2–%3</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="86"/>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="304"/>
        <source>weights (Cout × Cin)</source>
        <translation>权重（Cout × Cin）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="310"/>
        <source>%1 of %2 weights: 1/%3</source>
        <translation>只需 %2 个权重中的 %1 个：1/%3</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="313"/>
        <source>%1 weights, all used</source>
        <translation>%1 个权重，全部用到</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="315"/>
        <source>Only the %1 diagonal blocks exist: filters of group k read only the channels of group k.</source>
        <translation>只有 %1 个对角块：第 k 组的卷积核只读取第 k 组的通道。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="318"/>
        <source>A full matrix: every output channel mixes all input channels.</source>
        <translation>满矩阵：每个输出通道都混合了全部输入通道。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="400"/>
        <source>grouped:  H·W·(Cin/g)·Cout = %1·(%2/%3)·%4 = %5 MACs</source>
        <translation>分组：H·W·(Cin/g)·Cout = %1·(%2/%3)·%4 = %5 MACs</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="406"/>
        <source>dense:  H·W·Cin·Cout = %1·%2·%3 = %4 MACs</source>
        <translation>稠密：H·W·Cin·Cout = %1·%2·%3 = %4 MACs</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="411"/>
        <source>saving: %1 fewer multiply-adds — each filter reads %2 of %3 input channels</source>
        <translation>节省：乘加运算减少 %1——每个卷积核只读取 %3 个输入通道中的 %2 个</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="416"/>
        <source>H·W·Cin·Cout = %1·%2·%3 = %4 MACs</source>
        <translation>H·W·Cin·Cout = %1·%2·%3 = %4 MACs</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="423"/>
        <source>Not grouped: too few input channels (paper). Its %1 inputs come from the stem; every output reads all of them. The shuffle after it still splits the %2 outputs into g = %3 groups.</source>
        <translation>不分组：输入通道太少（论文的做法）。它的 %1 个输入来自主干起始层 (stem)，每个输出都读取全部输入。其后的通道混洗仍会把 %2 个输出分成 g = %3 组。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/pointwise_conv_painter.cpp" line="430"/>
        <source>g = 1: a dense 1×1 convolution — every output reads every input.</source>
        <translation>g = 1：即稠密 1×1 卷积——每个输出都读取所有输入。</translation>
    </message>
</context>
<context>
    <name>PresenterText</name>
    <message>
        <location filename="../../ui/presenter/presenter_text.cpp" line="24"/>
        <source>no multiply-adds in this step</source>
        <translation>这一步没有乘加运算</translation>
    </message>
    <message>
        <location filename="../../ui/presenter/presenter_text.cpp" line="26"/>
        <source>not grouped: the same as dense</source>
        <translation>未分组：与稠密卷积相同</translation>
    </message>
    <message>
        <location filename="../../ui/presenter/presenter_text.cpp" line="28"/>
        <source>dense would be %1, %2 more</source>
        <translation>稠密卷积则需 %1，多 %2</translation>
    </message>
    <message>
        <location filename="../../ui/presenter/presenter_text.cpp" line="34"/>
        <source>g = %1</source>
        <translation>g = %1</translation>
    </message>
    <message>
        <location filename="../../ui/presenter/presenter_text.cpp" line="35"/>
        <source>shuffle on</source>
        <translation>通道混洗：开</translation>
    </message>
    <message>
        <location filename="../../ui/presenter/presenter_text.cpp" line="35"/>
        <source>shuffle off</source>
        <translation>通道混洗：关</translation>
    </message>
    <message>
        <location filename="../../ui/presenter/presenter_text.cpp" line="37"/>
        <source>step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="88"/>
        <source>shuffle</source>
        <translation>混洗</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="88"/>
        <source>no shuffle</source>
        <translation>不混洗</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="314"/>
        <source>ShuffleScope: see ShuffleNet v1 work, step by step.</source>
        <translation>ShuffleScope：一步一步看 ShuffleNet v1 如何工作。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="96"/>
        <source>Render the window to FILE.png and exit.</source>
        <translation>将窗口渲染为 FILE.png 后退出。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="106"/>
        <source>imagenet or fashion.</source>
        <translation>imagenet 或 fashion。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="111"/>
        <source>Groups g, 1..8.</source>
        <translation>分组数 g，1..8。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="114"/>
        <source>Channel shuffle off.</source>
        <translation>关闭通道混洗。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="120"/>
        <source>Width 0.25, 0.5, 1, 1.5 or 2.</source>
        <translation>宽度系数：0.25、0.5、1、1.5 或 2。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="133"/>
        <source>Image or .npy to show.</source>
        <translation>要显示的图像或 .npy 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="139"/>
        <source>Checkpoint to load.</source>
        <translation>要加载的检查点。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="145"/>
        <source>Step to select, e.g. stages.0.1.shuffle.</source>
        <translation>要选中的步骤，例如 stages.0.1.shuffle。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="151"/>
        <source>Channel to select.</source>
        <translation>要选中的通道。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="154"/>
        <source>operation, flow, features, cost, compare or train.</source>
        <translation>operation、flow、features、cost、compare 或 train。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="160"/>
        <source>A/B compare with B = &apos;shuffle&apos; (flipped) or a group count.</source>
        <translation>A/B 对比，B = &apos;shuffle&apos;（混洗取反）或分组数。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="178"/>
        <source>Text size, 0.8..2.5 (projector: 1.8).</source>
        <translation>文字大小，0.8..2.5（投影仪：1.8）。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="188"/>
        <source>system, light or dark.</source>
        <translation>system（跟随系统）、light（浅色）或 dark（深色）。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="192"/>
        <source>Interface language: en or zh_CN.</source>
        <translation>界面语言：en 或 zh_CN。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="197"/>
        <source>Window size WxH.</source>
        <translation>窗口大小 WxH。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="205"/>
        <source>Start a training run of EPOCHS on the Train tab.</source>
        <translation>在“训练”标签页上开始一次 EPOCHS 轮的训练。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="208"/>
        <source>Training images per epoch, 100..60000.</source>
        <translation>每轮训练使用的图像数，100..60000。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="211"/>
        <source>With --train: shuffle on, then off.</source>
        <translation>配合 --train 使用：先开启混洗、再关闭混洗，各训练一次。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="217"/>
        <source>Open a lesson: a bundled one by name, or a .lesson file.</source>
        <translation>打开课程：内置课程的名称，或一个 .lesson 文件。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="220"/>
        <source>--lesson: give a lesson&apos;s name or file</source>
        <translation>--lesson：请给出课程名称或文件</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="227"/>
        <source>With --lesson: start at step N (from 1).</source>
        <translation>配合 --lesson：从第 N 步开始（从 1 数起）。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="230"/>
        <source>With --lesson: show the step revealed (its action done, its answer shown).</source>
        <translation>配合 --lesson：显示揭晓后的这一步（操作已执行，答案已显示）。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="238"/>
        <source>Presenter mode: full screen, large text, the views and the cost only.</source>
        <translation>演示者模式：全屏、大字，只显示视图和计算量。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="245"/>
        <source>Open a saved demo (File &gt; Save demo); other options change it.</source>
        <translation>打开保存的演示（文件 &gt; 保存演示）；其他选项在其基础上修改。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="266"/>
        <source>--%1: &apos;%2&apos; is not WxH between %3x%4 and %5x%6</source>
        <translation>--%1：“%2”不是 %3x%4 到 %5x%6 之间的 宽x高</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="539"/>
        <source>the window could not be drawn</source>
        <translation>无法绘制窗口</translation>
    </message>
    <message>
        <source>unexpected argument &apos;%1&apos;</source>
        <translation type="vanished">多余的参数“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="60"/>
        <source>--%1: &apos;%2&apos; is not an integer in %3..%4</source>
        <translation>--%1：“%2”不是 %3..%4 之间的整数</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="350"/>
        <source>--train-images and --train-compare need --train EPOCHS</source>
        <translation>--train-images 和 --train-compare 需要同时使用 --train EPOCHS</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="126"/>
        <source>--scale: &apos;%1&apos; is not 0.25, 0.5, 1, 1.5 or 2</source>
        <translation>--scale：“%1”不是 0.25、0.5、1、1.5 或 2</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="170"/>
        <source>--compare: &apos;%1&apos; is not &apos;shuffle&apos; or a group count 1..8</source>
        <translation>--compare：“%1”既不是 &apos;shuffle&apos;，也不是 1..8 之间的分组数</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="183"/>
        <source>--font-scale: &apos;%1&apos; is not a number in 0.8..2.5</source>
        <translation>--font-scale：“%1”不是 0.8..2.5 之间的数</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="190"/>
        <source>--theme: &apos;%1&apos; is not system, light or dark</source>
        <translation>--theme：“%1”不是 system、light 或 dark</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="194"/>
        <source>--lang: &apos;%1&apos; is not en or zh_CN</source>
        <translation>--lang：“%1”不是 en 或 zh_CN</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="99"/>
        <source>--screenshot: &apos;%1&apos; must be a .png file</source>
        <translation>--screenshot：“%1”必须是 .png 文件</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="293"/>
        <source>&apos;%1&apos; is not a file ShuffleScope opens: expected a lesson (.lesson), a saved demo (.json) or a checkpoint (.safetensors)</source>
        <translation>“%1”不是 ShuffleScope 能打开的文件：应为课程文件（.lesson）、保存的演示（.json）或检查点（.safetensors）</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="300"/>
        <source>&apos;%1&apos; and &apos;%2&apos; are the same kind of file: open one at a time</source>
        <translation>“%1”和“%2”是同一类文件：一次只能打开一个</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="319"/>
        <source>A lesson (.lesson), a saved demo (.json) or a checkpoint (.safetensors).</source>
        <translation>课程文件（.lesson）、保存的演示（.json）或检查点（.safetensors）。</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="346"/>
        <source>--lesson-step and --lesson-reveal need --lesson NAME|FILE</source>
        <translation>--lesson-step 和 --lesson-reveal 需要 --lesson 名称|文件</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="463"/>
        <source>the network did not finish within %1 s</source>
        <translation>网络未能在 %1 秒内算完</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="505"/>
        <source>training did not finish within %1 minutes</source>
        <translation>训练未能在 %1 分钟内完成</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="487"/>
        <source>the comparison did not finish</source>
        <translation>对比计算未能完成</translation>
    </message>
    <message>
        <location filename="../../ui/startup_options.cpp" line="516"/>
        <source>--measure-time: the measurement did not finish within %1 s</source>
        <translation>--measure-time：测量未在 %1 秒内完成</translation>
    </message>
    <message>
        <source>cannot write &apos;%1&apos;</source>
        <translation type="vanished">无法写入“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="25"/>
        <source>--%1: &apos;%2&apos; must end in %3</source>
        <translation>--%1：“%2”必须以 %3 结尾</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="37"/>
        <source>Export a view to FILE.png and exit.</source>
        <translation>将一个视图导出为 FILE.png 后退出。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="40"/>
        <source>Export a view to FILE.svg and exit.</source>
        <translation>将一个视图导出为 FILE.svg 后退出。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="44"/>
        <source>Export the step&apos;s animation to FILE.gif and exit.</source>
        <translation>将此步的动画导出为 FILE.gif 后退出。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="47"/>
        <source>Export the per-step table to FILE.csv or FILE.md and exit.</source>
        <translation>将逐步表格导出为 FILE.csv 或 FILE.md 后退出。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="52"/>
        <source>Measure each step&apos;s time (1 thread): the cost panel, the tree and the exported table show it.</source>
        <translation>测量每一步的耗时（单线程）：计算量面板、网络结构树和导出的表格都会显示。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="60"/>
        <source>View to export: operation, flow, features, cost, timeline or train (default: the one shown).</source>
        <translation>要导出的视图：operation、flow、features、cost、timeline 或 train（默认：当前显示的视图）。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="65"/>
        <source>--export-view: &apos;%1&apos; is not one of %2</source>
        <translation>--export-view：“%1”不是 %2 之一</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="73"/>
        <source>PNG scale, 1..4 (2 for print).</source>
        <translation>PNG 缩放倍数，1..4（打印用 2）。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="78"/>
        <source>--export-scale: &apos;%1&apos; is not a number in 1..4</source>
        <translation>--export-scale：“%1”不是 1..4 之间的数</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="85"/>
        <source>GIF size WxH (default 960x540).</source>
        <translation>GIF 尺寸 宽x高（默认 960x540）。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="93"/>
        <source>GIF frames per second, 5..30 (default 12).</source>
        <translation>GIF 每秒帧数，5..30（默认 12）。</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="98"/>
        <source>--gif-fps: &apos;%1&apos; is not an integer in 5..30</source>
        <translation>--gif-fps：“%1”不是 5..30 之间的整数</translation>
    </message>
    <message>
        <location filename="../../ui/export/export_options.cpp" line="125"/>
        <source>cannot write &apos;%1&apos;: no network is shown</source>
        <translation>无法写入“%1”：没有显示网络</translation>
    </message>
</context>
<context>
    <name>Scene</name>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="34"/>
        <source>&apos;%1&apos; is not imagenet or fashion</source>
        <translation>“%1”不是 imagenet 或 fashion</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="41"/>
        <source>%1 is not a group count 1..%2</source>
        <translation>%1 不是 1..%2 之间的组数</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="50"/>
        <source>%1 is not 0.25, 0.5, 1, 1.5 or 2</source>
        <translation>%1 不是 0.25、0.5、1、1.5 或 2</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="73"/>
        <source>B: %1 is not a group count 1..%2</source>
        <translation>B：%1 不是 1..%2 之间的组数</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="82"/>
        <source>B: no configuration given</source>
        <translation>B：没有给出配置</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="88"/>
        <source>B: %1</source>
        <translation>B：%1</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="94"/>
        <source>B&apos;s preset %1 is not A&apos;s (%2)</source>
        <translation>B 的预设 %1 与 A 的（%2）不同</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="123"/>
        <source>no step named &apos;%1&apos; in this network</source>
        <translation>此网络中没有名为“%1”的步骤</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="127"/>
        <source>the selected step &apos;%1&apos; is not in this network</source>
        <translation>所选步骤“%1”不在此网络中</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="134"/>
        <source>step &apos;%1&apos; has channels 0 to %2; there is no channel %3</source>
        <translation>步骤“%1”的通道为 0 到 %2，没有通道 %3</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="166"/>
        <source>&apos;%1&apos; is not operation, flow, features, cost, compare or train</source>
        <translation>“%1”不是 operation、flow、features、cost、compare 或 train</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="173"/>
        <source>&apos;compare&apos; needs the comparison on, and the scene turns it off</source>
        <translation>“compare”需要打开对比，而此场景将其关闭</translation>
    </message>
    <message>
        <location filename="../../core/src/tutor/scene.cpp" line="205"/>
        <source>%1</source>
        <translation>%1</translation>
    </message>
</context>
<context>
    <name>SimpleStepPainter</name>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="147"/>
        <source>The image as numbers: %1 (channels × height × width)</source>
        <translation>用数字表示的图像：%1（通道 × 高 × 宽）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="160"/>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="160"/>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="161"/>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="172"/>
        <source>grey</source>
        <translation>灰度</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="174"/>
        <source>channel %1: %2</source>
        <translation>通道 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="179"/>
        <source>%1 numbers, from %2 to %3 (mean %4, std %5): pixels normalised with the dataset&apos;s mean and standard deviation, as in training.</source>
        <translation>%1 个数，范围 %2 到 %3（均值 %4，标准差 %5）：像素已按数据集的均值和标准差归一化，与训练时相同。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="187"/>
        <source>Light background: inverted, because Fashion-MNIST images are light on black.</source>
        <translation>浅色背景：已反色显示，因为 Fashion-MNIST 图像是黑底浅色。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="201"/>
        <source>channel 0, the centre 5 × 5 values:</source>
        <translation>通道 0，中心 5 × 5 的数值：</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="229"/>
        <source>%1 filters, each %2×%2 over the single input channel, stride %3</source>
        <translation>%1 个滤波器，每个在唯一的输入通道上做 %2×%2 卷积，步长 %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="233"/>
        <source>%1 filters, each %2×%2 over all %3 input channels (dense), stride %4</source>
        <translation>%1 个卷积核，每个 %2×%2，作用于全部 %3 个输入通道（稠密），步长 %4</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="248"/>
        <source>stride %1: %2 × %3 → %4 × %5</source>
        <translation>步长 %1：%2 × %3 → %4 × %5</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="307"/>
        <source>%1 output channels, %2 × %3 each</source>
        <translation>%1 个输出通道，每个 %2 × %3</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="324"/>
        <source>Per channel:  y = γ · (x − μ) / √(σ² + ε) + β</source>
        <translation>逐通道：y = γ · (x − μ) / √(σ² + ε) + β</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="335"/>
        <source>before: mean %1, std %2</source>
        <translation>BN 前：均值 %1，标准差 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="335"/>
        <source>after: mean %1, std %2</source>
        <translation>BN 后：均值 %1，标准差 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="383"/>
        <source>each channel&apos;s mean: grey before → coloured after</source>
        <translation>各通道的均值：灰色（BN 前）→ 彩色（BN 后）</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="422"/>
        <source>channel 0 … %1</source>
        <translation>通道 0 … %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="438"/>
        <source>y = max(0, x): negative values are clipped to 0</source>
        <translation>y = max(0, x)：负值被截断为 0</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="443"/>
        <source>%1% of the %2 values are now 0</source>
        <translation>%2 个值中有 %1% 现在为 0</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="457"/>
        <source>values before (x)</source>
        <translation>ReLU 前的数值 (x)</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="450"/>
        <source>left of the dashed line: below 0, set to 0</source>
        <translation>虚线左侧：小于 0，被置为 0</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="241"/>
        <source>H·W·Cout·Cin·%1·%1 = %2·%3·%4·%5·%1·%1 = %6 MACs</source>
        <translation>H·W·Cout·Cin·%1·%1 = %2·%3·%4·%5·%1·%1 = %6 MACs</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="347"/>
        <source>μ, σ²: the channel&apos;s running mean and variance from training;  γ, β: its learned scale and shift. The feature maps below each use their own colour range, so they look as before BN: press G for one shared range.</source>
        <translation>μ、σ²：该通道在训练中得到的滑动均值和方差；γ、β：学到的缩放和平移。下方每张特征图各用自己的色阶，所以看起来和 BN 之前一样：按 G 使用统一色阶。</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="474"/>
        <source>ReLU</source>
        <translation>ReLU</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="487"/>
        <source>3×3 windows, stride %1: each output keeps the largest of 9 values</source>
        <translation>3×3 窗口，步长 %1：每个输出取 9 个值中的最大值</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="492"/>
        <source>%1 × %2 → %3 × %4 per channel; the %5 channels stay separate; no multiply-adds</source>
        <translation>每个通道 %1 × %2 → %3 × %4；%5 个通道互不混合；没有乘加运算</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="504"/>
        <source>max-pool</source>
        <translation>最大池化</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="531"/>
        <source>one window, in numbers</source>
        <translation>一个窗口的具体数值</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="543"/>
        <source>channel %1, output (%2, %3): the largest of its window; – is padding, never the max</source>
        <translation>通道 %1，输出 (%2, %3)：取其窗口中的最大值；– 表示填充，永远不会是最大值</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="560"/>
        <source>channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="581"/>
        <location filename="../../ui/views/operation/simple_step_painter.cpp" line="584"/>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
</context>
<context>
    <name>TableExport</name>
    <message>
        <location filename="../../ui/export/table_export.cpp" line="31"/>
        <source>Cannot write &apos;%1&apos;: the name must end in .csv or .md</source>
        <translation>无法写入“%1”：文件名必须以 .csv 或 .md 结尾</translation>
    </message>
    <message>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation type="vanished">无法写入“%1”：%2</translation>
    </message>
</context>
<context>
    <name>TimingJob</name>
    <message>
        <location filename="../../ui/session/timing_job.cpp" line="39"/>
        <source>Could not measure the time: %1</source>
        <translation>无法测量耗时：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/timing_job.cpp" line="42"/>
        <source>Not enough memory to measure the time of this configuration.</source>
        <translation>内存不足，无法测量此配置的耗时。</translation>
    </message>
</context>
<context>
    <name>ViewExport</name>
    <message>
        <source>Cannot write &apos;%1&apos;: %2</source>
        <translation type="vanished">无法写入“%1”：%2</translation>
    </message>
    <message>
        <location filename="../../ui/export/view_export.cpp" line="82"/>
        <source>&apos;%1&apos; is not a view: one of %2</source>
        <translation>“%1”不是视图：应为 %2 之一</translation>
    </message>
    <message>
        <location filename="../../ui/export/view_export.cpp" line="87"/>
        <source>The view &apos;%1&apos; is not on screen: show it first</source>
        <translation>视图“%1”当前未显示：请先显示它</translation>
    </message>
    <message>
        <location filename="../../ui/export/view_export.cpp" line="111"/>
        <location filename="../../ui/export/view_export.cpp" line="137"/>
        <source>Cannot write &apos;%1&apos;: the view could not be drawn</source>
        <translation>无法写入“%1”：该视图无法绘制</translation>
    </message>
    <message>
        <location filename="../../ui/export/view_export.cpp" line="128"/>
        <source>Exported from ShuffleScope</source>
        <translation>由 ShuffleScope 导出</translation>
    </message>
</context>
<context>
    <name>WidthsNote</name>
    <message>
        <location filename="../../core/src/model/channel_widths.cpp" line="177"/>
        <source>Widths from the paper&apos;s Table 1.</source>
        <translation>通道宽度取自论文表 1。</translation>
    </message>
    <message>
        <location filename="../../core/src/model/channel_widths.cpp" line="181"/>
        <source>Widths from the official ShuffleNet v1 code (the paper lists only 1x).</source>
        <translation>通道宽度取自 ShuffleNet v1 官方代码（论文只列出了 1x）。</translation>
    </message>
    <message>
        <location filename="../../core/src/model/channel_widths.cpp" line="79"/>
        <source>No published widths for g=%1 at %2x; the project&apos;s rule picked Stage 2-4 widths (%3, %4, %5), multiples of 4g near the paper&apos;s 1:2:4 ratio, closest to its %6 budget (%7 on the paper&apos;s geometry).</source>
        <translation>g=%1、%2x 时没有公开的通道宽度；本项目的规则为阶段 2–4 选取了宽度（%3、%4、%5）：4g 的倍数，接近论文的 1:2:4 比例，并最接近论文的 %6 计算量预算（这组宽度在论文的 ImageNet 规格上为 %7）。</translation>
    </message>
    <message>
        <location filename="../../core/src/model/channel_widths.cpp" line="89"/>
        <source> The stem has %1 channels, not 24 × %2 = %3: each stride-2 unit&apos;s main branch (out - in) and bottleneck (out/4) must split into %4 groups, which needs g to divide the stem width, and %4 does not divide %3.</source>
        <translation>主干起始层有 %1 个通道，而不是 24 × %2 = %3 个：每个步长为 2 的单元的主分支（out − in）和瓶颈层（out/4）都必须分成 %4 组，这要求起始层宽度能被 g 整除，而 %3 不能被 %4 整除。</translation>
    </message>
    <message>
        <location filename="../../core/src/model/channel_widths.cpp" line="99"/>
        <source> The paper evaluates only g = 1, 2, 3, 4 and 8 without saying why; 24 also splits into 6 groups, so the stem alone does not explain the choice.</source>
        <translation>论文只评估了 g = 1、2、3、4 和 8，并未说明原因；24 也能分成 6 组，所以仅凭主干宽度解释不了这一选择。</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::ChannelFlowView</name>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="20"/>
        <source>head</source>
        <translation>分类头</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="21"/>
        <source>stem</source>
        <translation>主干起始层</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="22"/>
        <source>unit %1.%2</source>
        <translation>单元 %1.%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="107"/>
        <source>shuffle on</source>
        <translation>混洗：开</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="107"/>
        <source>shuffle off</source>
        <translation>混洗：关</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="109"/>
        <source>g = %1, %2</source>
        <translation>g = %1，%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="115"/>
        <source>Which channels can reach channel %1 of %2?</source>
        <translation>哪些通道能影响 %2 的通道 %1？</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="118"/>
        <source>Pick a channel to trace</source>
        <translation>选择一个通道进行追踪</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="85"/>
        <source> (all %1 groups)</source>
        <translation>（全部 %1 组）</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="87"/>
        <source> (1 group of %1)</source>
        <translation>（%1 组中的 1 组）</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="88"/>
        <source> (%1 groups of %2)</source>
        <translation>（%2 组中的 %1 组）</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="89"/>
        <source>%1 of %2 channels of %3%4</source>
        <translation>%3 的 %2 个通道中的 %1 个%4</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="137"/>
        <source>channel %1 of %2 is reached by %3</source>
        <translation>%2 的通道 %1 受这些通道影响：%3</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="148"/>
        <source>one unit further back: %1</source>
        <translation>再往前一个单元：%1</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="162"/>
        <source>Click a channel in a column (or in the operation view): the earlier steps then light up the channels that can influence it.</source>
        <translation>在任一列（或运算视图）中单击一个通道：前面各步骤中能影响它的通道就会亮起。</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="260"/>
        <source>%1/%2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="183"/>
        <source>can influence channel %1</source>
        <translation>能影响通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="184"/>
        <source>cannot</source>
        <translation>不能</translation>
    </message>
    <message>
        <location filename="../../ui/views/channel_flow_layout.cpp" line="185"/>
        <source>colour: the channel&apos;s group</source>
        <translation>颜色：通道所属的组</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::CostPanel</name>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="62"/>
        <source>MACs</source>
        <translation>乘加 (MACs)</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="63"/>
        <location filename="../../ui/views/cost_panel.cpp" line="101"/>
        <location filename="../../ui/views/cost_panel.cpp" line="262"/>
        <source>grouped</source>
        <translation>分组</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="65"/>
        <location filename="../../ui/views/cost_panel.cpp" line="102"/>
        <location filename="../../ui/views/cost_panel.cpp" line="263"/>
        <source>dense</source>
        <translation>稠密</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="83"/>
        <source>Multiply-adds of the selected step; dense = its 1×1 convolution ungrouped</source>
        <translation>所选步骤的乘加运算量；稠密 = 将其 1×1 卷积改为不分组时的值</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="86"/>
        <source>The paper&apos;s FLOPs are multiply-adds (MACs).</source>
        <translation>论文中的 FLOPs 指的是乘加运算次数 (MACs)。</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="110"/>
        <location filename="../../ui/views/cost_panel.cpp" line="261"/>
        <source>MACs per stage (C1 = stem)</source>
        <translation>各阶段乘加次数（C1 = 起始层）</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="117"/>
        <source>S2</source>
        <translation>S2</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="117"/>
        <source>S3</source>
        <translation>S3</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="117"/>
        <source>S4</source>
        <translation>S4</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="117"/>
        <source>FC</source>
        <translation>FC</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="131"/>
        <source>Same scale for every g</source>
        <translation>所有 g 使用同一刻度</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="133"/>
        <source>Keep the chart&apos;s scale as g changes: it ends at the tallest bar of any g = 1–8 at this width, so the bars of two g can be compared</source>
        <translation>改变 g 时保持图表刻度不变：刻度上限取当前宽度下 g = 1–8 中最高的柱，这样两个 g 的柱子可以直接比较</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="141"/>
        <source>Measure time</source>
        <translation>测量耗时</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="146"/>
        <source>Shares: MACs vs measured time</source>
        <translation>占比：乘加次数与实测耗时</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="148"/>
        <source>Each stage&apos;s share of the network&apos;s MACs beside its share of the measured time</source>
        <translation>每个阶段占整个网络乘加次数的比例，与其占实测耗时的比例并列</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="239"/>
        <source>% of MACs, % of time (C1 = stem)</source>
        <translation>乘加次数占比、耗时占比（C1 = 起始层）</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="240"/>
        <source>MACs %</source>
        <translation>乘加次数 %</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="241"/>
        <source>time %</source>
        <translation>耗时 %</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="329"/>
        <source>This step: &lt;b&gt;%1&lt;/b&gt; (%2 of %3)</source>
        <translation>此步：&lt;b&gt;%1&lt;/b&gt;（占 %3 的 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="333"/>
        <source>Measured on this machine: each step the median of %1 runs on %2, the capture pass (every step on its own, unfused).</source>
        <translation>在本机上测得：每一步取 %1 次运行的中位数，使用 %2，逐步捕获计算（每一步单独执行，不做融合）。</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="336"/>
        <source>1 thread</source>
        <translation>1 个线程</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="337"/>
        <source>%1 threads</source>
        <translation>%1 个线程</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="339"/>
        <source>Measuring…</source>
        <translation>正在测量…</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="340"/>
        <source>On a worker thread; the app stays responsive.</source>
        <translation>在后台线程中进行，程序保持响应。</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="364"/>
        <source>&lt;b&gt;%1&lt;/b&gt; — g = %2, %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — g = %2，%3</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="392"/>
        <source>&lt;b&gt;Paper, Table 1 (g = %1):&lt;/b&gt; stages %2 / %3 / %4 channels, complexity %5 M MACs.&lt;br&gt;&lt;b&gt;Engine:&lt;/b&gt; stages %6 / %7 / %8, backbone %9.</source>
        <translation>&lt;b&gt;论文表 1（g = %1）：&lt;/b&gt;各阶段 %2 / %3 / %4 个通道，复杂度 %5 M 次乘加。&lt;br&gt;&lt;b&gt;引擎：&lt;/b&gt;各阶段 %6 / %7 / %8，主干网络 %9。</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="117"/>
        <source>C1</source>
        <translation>C1</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="377"/>
        <source>%1 MACs; dense is %2 of the grouped network</source>
        <translation>%1 MACs；稠密网络的计算量是分组网络的 %2</translation>
    </message>
    <message>
        <location filename="../../ui/views/cost_panel.cpp" line="404"/>
        <source>&lt;b&gt;Paper:&lt;/b&gt; Table 1 has no column for g = %1. %2</source>
        <translation>&lt;b&gt;论文：&lt;/b&gt;表 1 中没有 g = %1 这一列。%2</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::FeatureMapCanvas</name>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="125"/>
        <source>Channel %1</source>
        <translation>通道 %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="128"/>
        <source>red</source>
        <translation>红</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="128"/>
        <source>green</source>
        <translation>绿</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="129"/>
        <source>blue</source>
        <translation>蓝</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="300"/>
        <source>untrained</source>
        <translation>未训练</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="302"/>
        <source>test accuracy %1%</source>
        <translation>测试准确率 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="304"/>
        <source>trained, accuracy not recorded</source>
        <translation>已训练，未记录准确率</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="310"/>
        <source>top: %1 %2</source>
        <translation>首选：%1 %2</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="906"/>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="956"/>
        <source>Shared range (%1)</source>
        <translation>统一色阶 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="906"/>
        <source>Shared range</source>
        <translation>统一色阶</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="907"/>
        <source>Shared (%1)</source>
        <translation>统一 (%1)</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="957"/>
        <source>On: one colour scale for all channels (compare their strength).
Off: each channel stretched over its own min..max (see its pattern).</source>
        <translation>开：所有通道使用同一色阶（便于比较强弱）。
关：每个通道按自己的最小值..最大值拉伸（便于看清图案）。</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="910"/>
        <source>Zoom %1× — reset</source>
        <translation>缩放 %1× — 重置</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="910"/>
        <source>%1× — reset</source>
        <translation>%1× — 重置</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="915"/>
        <source>channels %1–%2 of %3</source>
        <translation>通道 %1–%2（共 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="969"/>
        <source>Previous page of channels (,)</source>
        <translation>上一页通道 (,)</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="976"/>
        <source>Next page of channels (.)</source>
        <translation>下一页通道 (.)</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="922"/>
        <source>%1 values, one cell each</source>
        <translation>%1 个值，每格一个</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="923"/>
        <source>%1 values</source>
        <translation>%1 个值</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="924"/>
        <source>%1 channels × %2 × %3</source>
        <translation>%1 个通道 × %2 × %3</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1028"/>
        <source>%1 × %2 × %3</source>
        <translation>%1 × %2 × %3</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1059"/>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1060"/>
        <source>This step has no output to show.</source>
        <translation>此步骤没有可显示的输出。</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1062"/>
        <source>This step&apos;s output is too large for the graphics card.</source>
        <translation>此步骤的输出太大，显卡无法显示。</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1064"/>
        <source>Only %1 channels here</source>
        <translation>这里只有 %1 个通道</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1180"/>
        <source>#%1</source>
        <translation>#%1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1249"/>
        <source>Group %1 of %2</source>
        <translation>组 %1（共 %2 组）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1249"/>
        <source>No group</source>
        <translation>无分组</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1254"/>
        <source>Value %1</source>
        <translation>值 %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1262"/>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1315"/>
        <source>Rank %1 of %2</source>
        <translation>排名 %1 / %2</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1267"/>
        <source>min %1   max %2   mean %3</source>
        <translation>最小 %1   最大 %2   均值 %3</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1272"/>
        <source>(not highlighted)</source>
        <translation>（未高亮）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1308"/>
        <source>group %1</source>
        <translation>组 %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1308"/>
        <source>no group</source>
        <translation>无分组</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1310"/>
        <source>value %1</source>
        <translation>值 %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1318"/>
        <source>min %1</source>
        <translation>最小 %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1319"/>
        <source>max %1</source>
        <translation>最大 %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1320"/>
        <source>mean %1</source>
        <translation>均值 %1</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1322"/>
        <source>zeros %1%</source>
        <translation>零值 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1326"/>
        <source>shared scale</source>
        <translation>统一色阶</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/feature_map_canvas.cpp" line="1326"/>
        <source>own scale</source>
        <translation>各自色阶</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::LessonPanel</name>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="76"/>
        <source>Lessons</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="82"/>
        <source>Start the lesson</source>
        <translation>开始这一课</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="116"/>
        <source>Your prediction</source>
        <translation>你的预测</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="117"/>
        <source>Check</source>
        <translation>核对</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="132"/>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="133"/>
        <source>Skip</source>
        <translation>跳过</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="134"/>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="385"/>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="140"/>
        <source>All lessons</source>
        <translation>全部课程</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="218"/>
        <source>%1: the lesson has steps 1 to %2; there is no step %3</source>
        <translation>%1：这一课只有第 1 到第 %2 步，没有第 %3 步</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="276"/>
        <source>%1 (cannot be used: %2)</source>
        <translation>%1（无法使用：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="279"/>
        <source>done</source>
        <translation>已完成</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/tutor/lesson_panel.cpp" line="280"/>
        <source>%n step(s)</source>
        <translation>
            <numerusform>%n 步</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="281"/>
        <source>%1 of %2 steps done</source>
        <translation>已完成 %1/%2 步</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="318"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="375"/>
        <source>Hint: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="382"/>
        <source>Show me</source>
        <translation>演示给我看</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="384"/>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_panel.cpp" line="412"/>
        <source>Type a number first.</source>
        <translation>请先输入一个数。</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::LessonRunner</name>
    <message>
        <location filename="../../ui/tutor/lesson_runner.cpp" line="153"/>
        <source>The answer is %1.</source>
        <translation>答案是 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_runner.cpp" line="164"/>
        <source>Right: %1.</source>
        <translation>答对了：%1。</translation>
    </message>
    <message>
        <location filename="../../ui/tutor/lesson_runner.cpp" line="167"/>
        <source>Not quite: the answer is %1.</source>
        <translation>不太对：答案是 %1。</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="140"/>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="169"/>
        <source>Network</source>
        <translation>网络</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="181"/>
        <source>Operation</source>
        <translation>运算</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="182"/>
        <source>Channel flow</source>
        <translation>通道流向</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="184"/>
        <source>What the selected step computes, animated (F switches view)</source>
        <translation>所选步骤在计算什么（动画演示，按 F 切换视图）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="186"/>
        <source>Which earlier channels can reach the selected channel (the boundary effect)</source>
        <translation>前面哪些通道能影响所选通道（边界效应）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="210"/>
        <source>Feature maps: wheel zooms, drag pans, double-click resets, click a channel to enlarge it</source>
        <translation>特征图：滚轮缩放，拖动平移，双击重置，单击通道可放大</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="282"/>
        <source>Controls</source>
        <translation>控制</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="288"/>
        <source>ImageNet geometry</source>
        <translation>ImageNet 规格</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="289"/>
        <source>Fashion-MNIST</source>
        <translation>Fashion-MNIST</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="290"/>
        <source>Model preset (P)</source>
        <translation>模型预设（P）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="293"/>
        <source> Model </source>
        <translation> 模型 </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="297"/>
        <source> Groups g </source>
        <translation> 分组数 g </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="597"/>
        <source>Prediction and cost are hidden to give the diagram room: H shows them.</source>
        <translation>为给示意图腾出空间，已隐藏“预测与开销”面板：按 H 显示。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="313"/>
        <source>Width scale (W): every filter count times s, cost about s²</source>
        <translation>宽度系数（W）：每层卷积核个数乘以 s，计算量约为 s² 倍</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="316"/>
        <source> Width </source>
        <translation> 宽度 </translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="352"/>
        <source>A/B compare</source>
        <translation>A/B 对比</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="354"/>
        <source>B: shuffle flipped</source>
        <translation>B：混洗取反</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="355"/>
        <source>B: g = %1</source>
        <translation>B：g = %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="336"/>
        <source>Speed of the automatic walk ([ slower, ] faster)</source>
        <translation>自动演示的速度（[ 减慢，] 加快）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="106"/>
        <source>←/→ step · 1–8 groups · S shuffle · Space play · F1 all shortcuts</source>
        <translation>←/→ 步骤 · 1–8 分组数 · S 混洗 · Space 播放 · F1 全部快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="130"/>
        <source>Computing %1…</source>
        <translation>正在计算 %1…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="194"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="196"/>
        <source>Train a Fashion-MNIST network here and watch it learn; overlay shuffle on and off</source>
        <translation>在这里训练一个 Fashion-MNIST 网络并观察它的学习过程；可叠加对比混洗开启与关闭</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="266"/>
        <source>Prediction and cost</source>
        <translation>预测与计算量</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="321"/>
        <source>Playback</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="453"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="454"/>
        <source>&amp;Samples</source>
        <translation>示例(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="459"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="384"/>
        <source>System theme</source>
        <translation>跟随系统主题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="385"/>
        <source>Light theme</source>
        <translation>浅色主题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="386"/>
        <source>Dark theme</source>
        <translation>深色主题</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="396"/>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="407"/>
        <source>The language changes when ShuffleScope starts again.</source>
        <translation>重新启动 ShuffleScope 后，语言设置才会生效。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="460"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="404"/>
        <source>g = %1 (not in the paper: the stem must change)</source>
        <translation>g = %1（论文中没有：主干宽度必须改变）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="405"/>
        <source>g = %1</source>
        <translation>g = %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="456"/>
        <source>&amp;Navigate</source>
        <translation>导航(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="457"/>
        <source>&amp;Model</source>
        <translation>模型(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="458"/>
        <source>&amp;Groups g</source>
        <translation>分组数 g(&amp;G)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="488"/>
        <source>&amp;About ShuffleScope</source>
        <translation>关于 ShuffleScope(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="490"/>
        <source>About ShuffleScope</source>
        <translation>关于 ShuffleScope</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="491"/>
        <source>&lt;b&gt;ShuffleScope&lt;/b&gt;&lt;br&gt;A visualiser and tutor for ShuffleNet v1 (Zhang, Zhou, Lin, Sun, CVPR 2018).&lt;br&gt;Every number is computed by the project&apos;s own engine from the current configuration.</source>
        <translation>&lt;b&gt;ShuffleScope&lt;/b&gt;&lt;br&gt;ShuffleNet v1（Zhang, Zhou, Lin, Sun, CVPR 2018）的可视化与教学工具。&lt;br&gt;所有数字都由本项目自己的引擎根据当前配置计算得出。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="506"/>
        <source>Number of groups g</source>
        <translation>分组数 g</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="421"/>
        <source>Shuffle: on</source>
        <translation>混洗：开</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="421"/>
        <source>Shuffle: off</source>
        <translation>混洗：关</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="428"/>
        <source>ShuffleScope — %1</source>
        <translation>ShuffleScope — %1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="429"/>
        <source> (untrained)</source>
        <translation>（未训练）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="448"/>
        <source>  Step %1 / %2: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>  步骤 %1 / %2：&lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="481"/>
        <source>Open image</source>
        <translation>打开图像</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="482"/>
        <source>Images and tensors (*.png *.jpg *.jpeg *.bmp *.gif *.npy);;All files (*)</source>
        <translation>图像和张量 (*.png *.jpg *.jpeg *.bmp *.gif *.npy);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="488"/>
        <source>Open checkpoint</source>
        <translation>打开检查点</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="488"/>
        <source>Checkpoints (*.safetensors);;All files (*)</source>
        <translation>检查点 (*.safetensors);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="508"/>
        <source>ShuffleScope</source>
        <translation>ShuffleScope</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="516"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="518"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_actions.cpp" line="518"/>
        <source>Action</source>
        <translation>功能</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="724"/>
        <source>Saved settings were not valid; starting from the defaults.</source>
        <translation>保存的设置无效，已改用默认设置。</translation>
    </message>
    <message>
        <source>%1: cannot be written: %2</source>
        <translation type="vanished">%1：无法写入：%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_demo.cpp" line="55"/>
        <location filename="../../ui/main_window_demo.cpp" line="59"/>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_demo.cpp" line="112"/>
        <source>Open demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_demo.cpp" line="113"/>
        <location filename="../../ui/main_window_demo.cpp" line="120"/>
        <source>ShuffleScope demos (*.json)</source>
        <translation>ShuffleScope 演示 (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_demo.cpp" line="119"/>
        <source>Save demo</source>
        <translation>保存演示</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_demo.cpp" line="119"/>
        <source>demo.json</source>
        <translation>演示.json</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_lessons.cpp" line="50"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_lessons.cpp" line="72"/>
        <source>Predict first: the costs come back with the answer.</source>
        <translation>先预测：计算量会随答案一起显示。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_lessons.cpp" line="171"/>
        <source>Open lesson</source>
        <translation>打开课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window_lessons.cpp" line="171"/>
        <source>Lessons (*.lesson)</source>
        <translation>课程文件 (*.lesson)</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::OperationView</name>
    <message>
        <location filename="../../ui/views/operation/operation_view.cpp" line="155"/>
        <source>No network yet: the first forward pass is running.</source>
        <translation>网络尚未就绪：正在进行第一次前向传播。</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::PredictionPanel</name>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="18"/>
        <source>The network&apos;s five most likely classes for this input</source>
        <translation>网络认为此输入最可能属于的五个类别</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="49"/>
        <source>Random weights: the guesses mean nothing</source>
        <translation>随机权重：这些猜测没有意义</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="50"/>
        <source>Test accuracy: not recorded in this checkpoint</source>
        <translation>测试准确率：此检查点未记录</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="53"/>
        <source>Test accuracy %1% on %2 test images</source>
        <translation>测试准确率 %1%（%2 张测试图像）</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="56"/>
        <source>Test accuracy %1%</source>
        <translation>测试准确率 %1%</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="87"/>
        <source>Computing…</source>
        <translation>计算中…</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="95"/>
        <source>trained</source>
        <translation>已训练</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="95"/>
        <source>untrained</source>
        <translation>未训练</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="141"/>
        <source>Forward pass: %1 ms, median of %2</source>
        <translation>前向传播：%1 毫秒，%2 次的中位数</translation>
    </message>
    <message>
        <location filename="../../ui/views/prediction_panel.cpp" line="144"/>
        <source>Forward pass: %1 ms</source>
        <translation>前向传播：%1 毫秒</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::Session</name>
    <message>
        <location filename="../../ui/session/session.cpp" line="96"/>
        <source>Invalid configuration: %1</source>
        <translation>配置无效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/session.cpp" line="147"/>
        <source>Could not open the checkpoint: %1</source>
        <translation>无法打开检查点：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/session.cpp" line="202"/>
        <source>Invalid comparison: %1</source>
        <translation>对比无效：%1</translation>
    </message>
    <message>
        <location filename="../../ui/session/session.cpp" line="207"/>
        <source>A/B compare needs both configurations on the same preset.</source>
        <translation>A/B 对比要求两个配置使用同一个预设。</translation>
    </message>
    <message>
        <location filename="../../ui/session/session.cpp" line="238"/>
        <source>Compare: %1</source>
        <translation>对比：%1</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::TimelineView</name>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="50"/>
        <source>Step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="50"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="50"/>
        <source>MACs</source>
        <translation>乘加 (MACs)</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="50"/>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="51"/>
        <source>Measured on this machine: median of several runs, 1 thread (Model → Measure time per step)</source>
        <translation>在本机上测得：多次运行的中位数，单线程（模型 → 测量每一步的耗时）</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="63"/>
        <source>Every step of the network. Click a step to show it; ←/→ step through.</source>
        <translation>网络的每一个步骤。单击某个步骤即可显示；用 ←/→ 逐步浏览。</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="125"/>
        <source>, %1 groups</source>
        <translation>，%1 组</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="126"/>
        <source>, off</source>
        <translation>，已关闭</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="128"/>
        <source>: output %1, %2 MACs</source>
        <translation>：输出 %1，%2 次乘加</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="172"/>
        <source>Stage %1</source>
        <translation>阶段 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="176"/>
        <source>Unit %1 (stride 2)</source>
        <translation>单元 %1（步长 2）</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="177"/>
        <source>Unit %1</source>
        <translation>单元 %1</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="181"/>
        <source>Stem</source>
        <translation>主干起始层</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="184"/>
        <source>Head</source>
        <translation>分类头</translation>
    </message>
    <message>
        <location filename="../../ui/views/timeline_view.cpp" line="188"/>
        <source>Input</source>
        <translation>输入</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::TrainPanel</name>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="61"/>
        <source>g=%1 shuffle on</source>
        <translation>g=%1 混洗开</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="62"/>
        <source>g=%1 shuffle off</source>
        <translation>g=%1 混洗关</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="77"/>
        <source>epochs</source>
        <translation>轮次</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="120"/>
        <source>Groups g</source>
        <translation>分组数 g</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="124"/>
        <source>Group count of the network to train (Fashion-MNIST preset)</source>
        <translation>要训练的网络的分组数（Fashion-MNIST 预设）</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="126"/>
        <source>Shuffle</source>
        <translation>混洗</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="128"/>
        <source>Train with the channel shuffle between grouped convolutions</source>
        <translation>训练时在分组卷积之间进行通道混洗</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="130"/>
        <source>Epochs</source>
        <translation>训练轮数</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="135"/>
        <source>Images</source>
        <translation>图像数</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="138"/>
        <source>all 60,000</source>
        <translation>全部 60,000</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="140"/>
        <source>How many Fashion-MNIST training images each epoch uses</source>
        <translation>每轮使用多少张 Fashion-MNIST 训练图像</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="184"/>
        <source>Training loss</source>
        <translation>训练损失</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="184"/>
        <source>cross-entropy</source>
        <translation>交叉熵</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="186"/>
        <source>Accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="186"/>
        <source>test: points, training: dashed</source>
        <translation>测试：圆点，训练：虚线</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="199"/>
        <source>Watch</source>
        <translation>观察</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="221"/>
        <source>Trains the Fashion-MNIST model (1×32×32 input, 0.5× width) on Fashion-MNIST. Choose g, the shuffle and a number of epochs, then Train. Runs overlay on the charts.</source>
        <translation>训练的是 Fashion-MNIST 模型（1×32×32 输入，0.5× 宽度），数据为 Fashion-MNIST。选择 g、是否混洗和训练轮数，然后点击“训练”。各次训练的曲线会叠加在图表上。</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="149"/>
        <source>The image whose feature maps are shown as the network learns</source>
        <translation>在网络学习过程中显示其特征图的图像</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="156"/>
        <source>Train</source>
        <translation>训练</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="158"/>
        <source>Train this configuration from scratch; its curves join the charts</source>
        <translation>从头训练当前配置；其曲线会加入图表</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="159"/>
        <source>Shuffle on vs off</source>
        <translation>混洗开/关对比</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="161"/>
        <source>Train g with the shuffle on, then off, and overlay the two runs</source>
        <translation>用当前 g 先开启混洗训练，再关闭混洗训练，并叠加显示两次训练的曲线</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="162"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="163"/>
        <source>Stop after the current batch; the last finished epoch is kept</source>
        <translation>在当前批次结束后停止；保留最后完成的一轮</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="164"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="165"/>
        <source>Remove every run&apos;s curves</source>
        <translation>移除所有训练的曲线</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="166"/>
        <source>Explore</source>
        <translation>探索</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="167"/>
        <source>Open the last trained network in the main views</source>
        <translation>在主视图中打开最近训练的网络</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="185"/>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="187"/>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="215"/>
        <source>Fashion-MNIST is not installed at %1 (Debian package dataset-fashion-mnist); training needs it.</source>
        <translation>%1 处未安装 Fashion-MNIST（Debian 软件包 dataset-fashion-mnist）；训练需要它。</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="305"/>
        <source>Stopping after the current batch…</source>
        <translation>将在当前批次结束后停止…</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="311"/>
        <source>%1: runs are never saved among the bundled models; choose another folder.</source>
        <translation>%1：训练结果不能保存在内置模型目录中；请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="316"/>
        <source>%1: cannot create the folder for training runs.</source>
        <translation>%1：无法创建保存训练结果的文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="347"/>
        <source> (training)</source>
        <translation>（训练集）</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="356"/>
        <source>%1: loading Fashion-MNIST and building the network…</source>
        <translation>%1：正在加载 Fashion-MNIST 并构建网络…</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="396"/>
        <source>%1 · epoch %2/%3 · batch %4/%5 · loss %6 · training accuracy %7% · %8 images/s · %9 left</source>
        <translation>%1 · 第 %2/%3 轮 · 批次 %4/%5 · 损失 %6 · 训练准确率 %7% · %8 张图像/秒 · 剩余 %9</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="432"/>
        <source>, test accuracy %1% (%2 test images)</source>
        <translation>，测试准确率 %1%（%2 张测试图像）</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="436"/>
        <source>%1 finished%2. Saved to %3.</source>
        <translation>%1 训练完成%2。已保存到 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="439"/>
        <source>%1 stopped before its first epoch ended; nothing was saved.</source>
        <translation>%1 在第一轮结束前就已停止；未保存任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="440"/>
        <source>%1 stopped%2. The last finished epoch is in %3.</source>
        <translation>%1 已停止%2。最后完成的一轮保存在 %3。</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="494"/>
        <source> For reference, the bundled models of g=%1 (%2 epochs on all 60,000 images, also one seed): %3% vs %4% (%5 points).</source>
        <translation>作为参考，自带的 g=%1 模型（在全部 60,000 张图像上训练 %2 轮，同样只有一个随机种子）：%3% 对 %4%（相差 %5 个百分点）。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="27"/>
        <source>its loss stopped being a number</source>
        <translation>其损失已不再是有效数值</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="29"/>
        <source>its loss rose from %1 to %2</source>
        <translation>其损失从 %1 升到了 %2</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="32"/>
        <source>it ends at %1% test accuracy, near chance (10%)</source>
        <translation>最终测试准确率为 %1%，接近随机猜测（10%）</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="39"/>
        <source> Both get exactly the same test images right.</source>
        <translation>两者答对的测试图像完全相同。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="41"/>
        <source>more than these test images&apos; sampling noise</source>
        <translation>差距超出了这批测试图像的抽样误差范围</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="42"/>
        <source>within these test images&apos; sampling noise</source>
        <translation>差距仍在这批测试图像的抽样误差范围内</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="43"/>
        <source> Of the %1 images only one of them gets right, %2 favour the shuffle and %3 do not: McNemar&apos;s test %4, %5.</source>
        <translation>在只有其中一个模型判对的 %1 张图像中，%2 张支持混洗，%3 张不支持：McNemar 检验 %4，%5。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="61"/>
        <source>Shuffle on vs off at g=%1, %2 epochs of %3 training images each: </source>
        <translation>g=%1 时混洗开与关，各训练 %2 轮、每轮 %3 张图像：</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="70"/>
        <source>no verdict. Both runs diverged (with the shuffle, %1; without, %2).</source>
        <translation>无法下结论。两次训练都发散了（开混洗：%1；不混洗：%2）。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="74"/>
        <source>no verdict. The run with the shuffle on diverged (%1).</source>
        <translation>无法下结论。开混洗的那次训练发散了（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="77"/>
        <source>no verdict. The run with the shuffle off diverged (%1).</source>
        <translation>无法下结论。不混洗的那次训练发散了（%1）。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="79"/>
        <source> Their test accuracies (%1% with the shuffle, %2% without) say nothing about the shuffle; nothing can be concluded from this pair.</source>
        <translation>它们的测试准确率（开混洗 %1%，不混洗 %2%）不能说明混洗的作用；从这一对训练中得不出任何结论。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="85"/>
        <source>too short to compare.</source>
        <translation>训练太短，无法比较。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="88"/>
        <source> Each run saw %1 training images; a comparison needs at least %2.</source>
        <translation>每次训练只看了 %1 张训练图像；比较至少需要 %2 张。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="92"/>
        <source> A comparison needs both runs above %1% test accuracy.</source>
        <translation>比较要求两次训练的测试准确率都高于 %1%。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="94"/>
        <source> This early the test accuracies (%1% with the shuffle, %2% without) mostly show which network happened to start learning faster, not what the shuffle does: train longer (more epochs or images) before reading anything into the gap.</source>
        <translation>在这么早的阶段，测试准确率（开混洗 %1%，不混洗 %2%）主要反映哪个网络碰巧学得更快，而不是混洗的作用：请训练更久（更多轮或更多图像）再解读差距。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="104"/>
        <source>in this one pair of runs (one seed), test accuracy is %1% with the shuffle and %2% without (%3 points) on %4 test images.</source>
        <translation>在这一对训练中（一个随机种子），%4 张测试图像上的准确率为：开混洗 %1%，不混洗 %2%（相差 %3 个百分点）。</translation>
    </message>
    <message>
        <location filename="../../ui/training/comparison_summary.cpp" line="119"/>
        <source> Another seed can move the gap by as much, so this is not evidence that the shuffle helps or hurts in general.</source>
        <translation>换一个随机种子，差距的变化可能同样大，所以这并不能证明混洗总体上有益或有害。</translation>
    </message>
    <message>
        <location filename="../../ui/training/train_panel.cpp" line="527"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::TrainingFrameView</name>
    <message>
        <location filename="../../ui/training/training_frame_view.cpp" line="53"/>
        <source>The chosen image through the network being trained, redrawn about once a second: the first channels of the stem and of each stage&apos;s output, and the top-3 prediction</source>
        <translation>所选图像经过正在训练的网络的情况，大约每秒重绘一次：主干起始层和各阶段输出的前几个通道，以及前 3 名的预测</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_frame_view.cpp" line="108"/>
        <source>Start a run to watch the feature maps of the chosen image change as the network learns.</source>
        <translation>开始一次训练，即可观察所选图像的特征图如何随网络的学习而变化。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_frame_view.cpp" line="118"/>
        <source>After %1 epochs</source>
        <translation>训练 %1 轮后</translation>
    </message>
</context>
<context>
    <name>shufflescope::ui::TrainingJob</name>
    <message>
        <location filename="../../ui/training/training_job.cpp" line="78"/>
        <source>A training run is already in progress; stop it first.</source>
        <translation>已有训练正在进行；请先停止它。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_job.cpp" line="82"/>
        <source>%1: runs are never saved among the bundled models; choose another folder.</source>
        <translation>%1：训练结果不能保存在内置模型目录中；请选择其他文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_job.cpp" line="93"/>
        <source>Cannot start the training thread: %1</source>
        <translation>无法启动训练线程：%1</translation>
    </message>
    <message>
        <location filename="../../ui/training/training_job.cpp" line="177"/>
        <source>Training failed: %1</source>
        <translation>训练失败：%1</translation>
    </message>
</context>
</TS>
