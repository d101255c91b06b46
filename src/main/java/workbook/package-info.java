/** The rnn-workbook's shared module: data, classical models, from-scratch and DJL recurrent networks, plots, the kernel. */
package workbook;
