# listed_sources(<out-var> <folder> <file>...): the files of <folder> (relative to the current
# source directory), appended to <out-var>. Sources are listed by hand so that the build says what
# it compiles; this check makes the list loud: a .cpp in <folder> (not its sub-folders) that is not
# listed stops the configure step with its name, as does a listed file that does not exist.
function(listed_sources out_var folder)
    set(directory ${CMAKE_CURRENT_SOURCE_DIR}/${folder})
    file(GLOB present CONFIGURE_DEPENDS RELATIVE ${directory} ${directory}/*.cpp)
    set(result ${${out_var}})
    foreach(file IN LISTS ARGN)
        if(NOT EXISTS ${directory}/${file})
            message(FATAL_ERROR "${folder}/${file} is listed in ${CMAKE_CURRENT_LIST_FILE} but does not exist")
        endif()
        list(APPEND result ${directory}/${file})
    endforeach()
    foreach(file IN LISTS present)
        if(NOT file IN_LIST ARGN)
            message(FATAL_ERROR "${folder}/${file} is not listed in ${CMAKE_CURRENT_LIST_FILE}: "
                                "add it to the listed_sources(... ${folder} ...) call")
        endif()
    endforeach()
    set(${out_var} ${result} PARENT_SCOPE)
endfunction()
