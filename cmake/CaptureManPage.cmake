# cmake -DPROGRAM=path -DOUTPUT=page.1.gz -P CaptureManPage.cmake
# Runs `PROGRAM --man` and writes its standard output, gzipped (-n: no name or time stamp, so the
# package is reproducible), to OUTPUT. A failing program fails the build.
get_filename_component(plain ${OUTPUT} NAME_WLE)
get_filename_component(folder ${OUTPUT} DIRECTORY)
file(MAKE_DIRECTORY ${folder})
# The desktop app answers --man without a display; the sanitizers' leak report is not wanted here.
execute_process(COMMAND ${CMAKE_COMMAND} -E env QT_QPA_PLATFORM=offscreen
                        ASAN_OPTIONS=detect_leaks=0 ${PROGRAM} --man
                OUTPUT_FILE ${folder}/${plain} RESULT_VARIABLE status ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} --man failed (${status}): ${errors}")
endif()
execute_process(COMMAND gzip -9nf ${folder}/${plain} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "gzip ${folder}/${plain} failed (${status})")
endif()
