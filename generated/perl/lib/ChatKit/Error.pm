package ChatKit::Error;

use strict;
use warnings;

use Carp ();
use overload
    q{""}    => sub { $_[0]->as_string },
    'bool'   => sub {1},
    fallback => 1;

our $VERSION = '0.01';

sub new {
    my ( $class, %args ) = @_;
    my $self = bless {%args}, $class;
    $self->{message} = 'error' if !defined $self->{message};
    return $self;
}

# Die with a new error object (the caller's file and line are kept).
sub throw {
    my ( $class, %args ) = @_;
    my ( undef, $file, $line ) = caller 0;
    my $self = $class->new( %args, file => $file, line => $line );
    die $self;    ## no critic (ErrorHandling::RequireCarping)
}

sub message { my ($self) = @_; return $self->{message} }

# One line: the message, without a trailing newline.
sub as_string {
    my ($self) = @_;
    my $text = $self->message;
    $text =~ s/\s*\n\s*/ /gxms;
    return $text;
}

1;

__END__

=head1 NAME

ChatKit::Error - the base class of every error the SDK throws

=head1 SYNOPSIS

    my $session = eval { $client->sessions->cancel($id) };
    if ( my $err = $@ ) {
        die $err if !ref $err;
        if ( $err->isa('ChatKit::Error::NotFound') ) { ... }
        warn "failed: $err\n";    # one line
    }

=head1 DESCRIPTION

Errors are objects thrown with C<die>: they work with C<eval>/C<$@> and with
L<Try::Tiny>-style code. They stringify to a one-line message.

=over 4

=item L<ChatKit::Error::Validation>: a value does not fit its schema (C<path> says where).

=item L<ChatKit::Error::API>: the server answered with a 4xx or 5xx status; one subclass per status.

=item L<ChatKit::Error::Connection>: no response (L<ChatKit::Error::Timeout>: in time).

=back

=head1 METHODS

=over 4

=item message

=item as_string

=item throw(%args)

=back

=cut
