package ChatKit::Runtime::Stream;

use strict;
use warnings;

use ChatKit::Runtime::JSON  qw(json_decode);
use ChatKit::Runtime::Types qw(decode_value);

our $VERSION = '0.01';

# $spec: { type => descriptor of one event's data (or undef) }; $on_event: optional
# code ref called with (data, { event => ..., id => ... }) as each event arrives.
sub new {
    my ( $class, $spec, $on_event ) = @_;
    my $self = bless { spec => $spec, on_event => $on_event }, $class;
    $self->reset;
    return $self;
}

sub reset {    ## no critic (Subroutines::ProhibitBuiltinHomonyms)
    my ($self) = @_;
    @{$self}{qw(buffer raw events done index)} = ( q{}, q{}, [], 0, 0 );
    return;
}

# The HTTP::Tiny data_callback: parses events as the bytes come in.
sub callback {
    my ($self) = @_;
    return sub {
        my ( $chunk, $res ) = @_;
        if ( $res->{status} < 200 || $res->{status} >= 300 ) {
            $self->{raw} .= $chunk;
            return 1;
        }
        $self->{buffer} .= $chunk;
        $self->{buffer} =~ s/\r\n?/\n/gxms;
        while ( $self->{buffer} =~ s/\A(.*?)\n\n//xms ) {
            $self->_event($1);
        }
        return 1;
    };
}

sub _event {
    my ( $self, $block ) = @_;
    return if $self->{done};
    my ( %meta, @data );
    for my $line ( split /\n/xms, $block ) {
        next if $line =~ /\A:/xms;
        my ( $field, $value ) = $line =~ /\A([^:]*):?[ ]?(.*)\z/xms;
        if    ( $field eq 'data' )                    { push @data, $value }
        elsif ( $field eq 'event' || $field eq 'id' ) { $meta{$field} = $value }
    }
    return if !@data;
    my $text = join "\n", @data;
    if ( $text eq '[DONE]' ) { $self->{done} = 1; return }
    my $data = $text;
    if ( $text =~ /\A\s*[\[{"\d\-tfn]/xms ) {
        my $json = eval { json_decode($text) };
        $data = $self->{spec}{type} ? decode_value( $self->{spec}{type}, $json, q{} ) : $json
            if !$@;
    }
    if ( $self->{on_event} ) { $self->{on_event}->( $data, \%meta ) }
    else                     { push @{ $self->{events} }, [ $data, \%meta ] }
    return;
}

# Called once the response is complete: the stream itself, as an iterator.
sub finish {
    my ($self) = @_;
    $self->_event( $self->{buffer} ) if length $self->{buffer};
    $self->{buffer} = q{};
    return $self;
}

# The bytes of an error response.
sub raw { my ($self) = @_; return $self->{raw} }

# The next event's data, or nothing at the end; in list context (data, meta).
sub next {    ## no critic (Subroutines::ProhibitBuiltinHomonyms)
    my ($self) = @_;
    my $event = $self->{events}[ $self->{index}++ ] or return;
    return wantarray ? @{$event} : $event->[0];
}

# Every (remaining) event's data.
sub all {
    my ($self) = @_;
    my @out;
    while ( my ($data) = $self->next ) { push @out, $data }
    return @out;
}

1;

__END__

=head1 NAME

ChatKit::Runtime::Stream - server-sent events

=head1 SYNOPSIS

    # a callback, called as each event arrives
    $client->things->stream( ..., { on_event => sub { my ( $event, $meta ) = @_; ... } } );

    # or an iterator (the response is read first)
    my $stream = $client->things->stream(...);
    while ( my $event = $stream->next ) { ... }

=head1 DESCRIPTION

Each event's C<data> is decoded as JSON and checked against the event type; a
C<[DONE]> event ends the stream.

=head1 METHODS

=over 4

=item next

=item all

=item new, reset, callback, finish, raw

Used by the client.

=back

=cut
